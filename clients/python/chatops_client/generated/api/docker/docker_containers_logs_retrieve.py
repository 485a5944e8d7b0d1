from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.docker_containers_logs_retrieve_response_200 import DockerContainersLogsRetrieveResponse200
from ...models.error import Error
from ...types import UNSET, Unset
from typing import cast
import datetime



def _get_kwargs(
    server_id: int,
    container_id: str,
    *,
    since: datetime.datetime | Unset = UNSET,
    tail: int | Unset = 200,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    json_since: str | Unset = UNSET
    if not isinstance(since, Unset):
        json_since = since.isoformat()
    params["since"] = json_since

    params["tail"] = tail


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/docker/{server_id}/containers/{container_id}/logs".format(server_id=quote(str(server_id), safe=""),container_id=quote(str(container_id), safe=""),),
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> DockerContainersLogsRetrieveResponse200 | Error | None:
    if response.status_code == 200:
        response_200 = DockerContainersLogsRetrieveResponse200.from_dict(response.json())



        return response_200

    if response.status_code == 400:
        response_400 = Error.from_dict(response.json())



        return response_400

    if response.status_code == 401:
        response_401 = Error.from_dict(response.json())



        return response_401

    if response.status_code == 403:
        response_403 = Error.from_dict(response.json())



        return response_403

    if response.status_code == 404:
        response_404 = Error.from_dict(response.json())



        return response_404

    if response.status_code == 409:
        response_409 = Error.from_dict(response.json())



        return response_409

    if response.status_code == 429:
        response_429 = Error.from_dict(response.json())



        return response_429

    if response.status_code == 500:
        response_500 = Error.from_dict(response.json())



        return response_500

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[DockerContainersLogsRetrieveResponse200 | Error]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    server_id: int,
    container_id: str,
    *,
    client: AuthenticatedClient,
    since: datetime.datetime | Unset = UNSET,
    tail: int | Unset = 200,

) -> Response[DockerContainersLogsRetrieveResponse200 | Error]:
    """ A container's logs

    Args:
        server_id (int):
        container_id (str):
        since (datetime.datetime | Unset):
        tail (int | Unset):  Default: 200.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DockerContainersLogsRetrieveResponse200 | Error]
     """


    kwargs = _get_kwargs(
        server_id=server_id,
container_id=container_id,
since=since,
tail=tail,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    server_id: int,
    container_id: str,
    *,
    client: AuthenticatedClient,
    since: datetime.datetime | Unset = UNSET,
    tail: int | Unset = 200,

) -> DockerContainersLogsRetrieveResponse200 | Error | None:
    """ A container's logs

    Args:
        server_id (int):
        container_id (str):
        since (datetime.datetime | Unset):
        tail (int | Unset):  Default: 200.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DockerContainersLogsRetrieveResponse200 | Error
     """


    return sync_detailed(
        server_id=server_id,
container_id=container_id,
client=client,
since=since,
tail=tail,

    ).parsed

async def asyncio_detailed(
    server_id: int,
    container_id: str,
    *,
    client: AuthenticatedClient,
    since: datetime.datetime | Unset = UNSET,
    tail: int | Unset = 200,

) -> Response[DockerContainersLogsRetrieveResponse200 | Error]:
    """ A container's logs

    Args:
        server_id (int):
        container_id (str):
        since (datetime.datetime | Unset):
        tail (int | Unset):  Default: 200.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DockerContainersLogsRetrieveResponse200 | Error]
     """


    kwargs = _get_kwargs(
        server_id=server_id,
container_id=container_id,
since=since,
tail=tail,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    server_id: int,
    container_id: str,
    *,
    client: AuthenticatedClient,
    since: datetime.datetime | Unset = UNSET,
    tail: int | Unset = 200,

) -> DockerContainersLogsRetrieveResponse200 | Error | None:
    """ A container's logs

    Args:
        server_id (int):
        container_id (str):
        since (datetime.datetime | Unset):
        tail (int | Unset):  Default: 200.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DockerContainersLogsRetrieveResponse200 | Error
     """


    return (await asyncio_detailed(
        server_id=server_id,
container_id=container_id,
client=client,
since=since,
tail=tail,

    )).parsed
