from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.docker_containers_retrieve_live import check_docker_containers_retrieve_live
from ...models.docker_containers_retrieve_live import DockerContainersRetrieveLive
from ...models.docker_containers_retrieve_response_200 import DockerContainersRetrieveResponse200
from ...models.error import Error
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    server_id: int,
    *,
    live: DockerContainersRetrieveLive | Unset = 'true',

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    json_live: str | Unset = UNSET
    if not isinstance(live, Unset):
        json_live = live

    params["live"] = json_live


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/docker/{server_id}/containers".format(server_id=quote(str(server_id), safe=""),),
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> DockerContainersRetrieveResponse200 | Error | None:
    if response.status_code == 200:
        response_200 = DockerContainersRetrieveResponse200.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[DockerContainersRetrieveResponse200 | Error]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    server_id: int,
    *,
    client: AuthenticatedClient,
    live: DockerContainersRetrieveLive | Unset = 'true',

) -> Response[DockerContainersRetrieveResponse200 | Error]:
    """ The server's containers (live, or as last reported)

    Args:
        server_id (int):
        live (DockerContainersRetrieveLive | Unset):  Default: 'true'.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DockerContainersRetrieveResponse200 | Error]
     """


    kwargs = _get_kwargs(
        server_id=server_id,
live=live,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    server_id: int,
    *,
    client: AuthenticatedClient,
    live: DockerContainersRetrieveLive | Unset = 'true',

) -> DockerContainersRetrieveResponse200 | Error | None:
    """ The server's containers (live, or as last reported)

    Args:
        server_id (int):
        live (DockerContainersRetrieveLive | Unset):  Default: 'true'.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DockerContainersRetrieveResponse200 | Error
     """


    return sync_detailed(
        server_id=server_id,
client=client,
live=live,

    ).parsed

async def asyncio_detailed(
    server_id: int,
    *,
    client: AuthenticatedClient,
    live: DockerContainersRetrieveLive | Unset = 'true',

) -> Response[DockerContainersRetrieveResponse200 | Error]:
    """ The server's containers (live, or as last reported)

    Args:
        server_id (int):
        live (DockerContainersRetrieveLive | Unset):  Default: 'true'.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DockerContainersRetrieveResponse200 | Error]
     """


    kwargs = _get_kwargs(
        server_id=server_id,
live=live,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    server_id: int,
    *,
    client: AuthenticatedClient,
    live: DockerContainersRetrieveLive | Unset = 'true',

) -> DockerContainersRetrieveResponse200 | Error | None:
    """ The server's containers (live, or as last reported)

    Args:
        server_id (int):
        live (DockerContainersRetrieveLive | Unset):  Default: 'true'.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DockerContainersRetrieveResponse200 | Error
     """


    return (await asyncio_detailed(
        server_id=server_id,
client=client,
live=live,

    )).parsed
