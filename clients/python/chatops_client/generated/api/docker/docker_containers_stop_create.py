from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.docker_containers_stop_create_response_200 import DockerContainersStopCreateResponse200
from ...models.docker_containers_stop_create_response_202 import DockerContainersStopCreateResponse202
from ...models.error import Error
from typing import cast



def _get_kwargs(
    server_id: int,
    container_id: str,

) -> dict[str, Any]:
    

    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/docker/{server_id}/containers/{container_id}/stop".format(server_id=quote(str(server_id), safe=""),container_id=quote(str(container_id), safe=""),),
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> DockerContainersStopCreateResponse200 | DockerContainersStopCreateResponse202 | Error | None:
    if response.status_code == 200:
        response_200 = DockerContainersStopCreateResponse200.from_dict(response.json())



        return response_200

    if response.status_code == 202:
        response_202 = DockerContainersStopCreateResponse202.from_dict(response.json())



        return response_202

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

    if response.status_code == 413:
        response_413 = Error.from_dict(response.json())



        return response_413

    if response.status_code == 415:
        response_415 = Error.from_dict(response.json())



        return response_415

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[DockerContainersStopCreateResponse200 | DockerContainersStopCreateResponse202 | Error]:
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

) -> Response[DockerContainersStopCreateResponse200 | DockerContainersStopCreateResponse202 | Error]:
    """  202 (restart and stop): held for a second person's approval when the action's policy asks for one
    (an operator's request: the approval).

    Args:
        server_id (int):
        container_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DockerContainersStopCreateResponse200 | DockerContainersStopCreateResponse202 | Error]
     """


    kwargs = _get_kwargs(
        server_id=server_id,
container_id=container_id,

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

) -> DockerContainersStopCreateResponse200 | DockerContainersStopCreateResponse202 | Error | None:
    """  202 (restart and stop): held for a second person's approval when the action's policy asks for one
    (an operator's request: the approval).

    Args:
        server_id (int):
        container_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DockerContainersStopCreateResponse200 | DockerContainersStopCreateResponse202 | Error
     """


    return sync_detailed(
        server_id=server_id,
container_id=container_id,
client=client,

    ).parsed

async def asyncio_detailed(
    server_id: int,
    container_id: str,
    *,
    client: AuthenticatedClient,

) -> Response[DockerContainersStopCreateResponse200 | DockerContainersStopCreateResponse202 | Error]:
    """  202 (restart and stop): held for a second person's approval when the action's policy asks for one
    (an operator's request: the approval).

    Args:
        server_id (int):
        container_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DockerContainersStopCreateResponse200 | DockerContainersStopCreateResponse202 | Error]
     """


    kwargs = _get_kwargs(
        server_id=server_id,
container_id=container_id,

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

) -> DockerContainersStopCreateResponse200 | DockerContainersStopCreateResponse202 | Error | None:
    """  202 (restart and stop): held for a second person's approval when the action's policy asks for one
    (an operator's request: the approval).

    Args:
        server_id (int):
        container_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DockerContainersStopCreateResponse200 | DockerContainersStopCreateResponse202 | Error
     """


    return (await asyncio_detailed(
        server_id=server_id,
container_id=container_id,
client=client,

    )).parsed
