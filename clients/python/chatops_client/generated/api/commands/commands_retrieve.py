from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.commands_retrieve_response_200 import CommandsRetrieveResponse200
from ...models.error import Error
from typing import cast



def _get_kwargs(
    server_id: int,
    history_id: int,

) -> dict[str, Any]:
    

    

    

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/commands/{server_id}/{history_id}".format(server_id=quote(str(server_id), safe=""),history_id=quote(str(history_id), safe=""),),
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> CommandsRetrieveResponse200 | Error | None:
    if response.status_code == 200:
        response_200 = CommandsRetrieveResponse200.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[CommandsRetrieveResponse200 | Error]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    server_id: int,
    history_id: int,
    *,
    client: AuthenticatedClient,

) -> Response[CommandsRetrieveResponse200 | Error]:
    """ One command of the server's history

    Args:
        server_id (int):
        history_id (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CommandsRetrieveResponse200 | Error]
     """


    kwargs = _get_kwargs(
        server_id=server_id,
history_id=history_id,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    server_id: int,
    history_id: int,
    *,
    client: AuthenticatedClient,

) -> CommandsRetrieveResponse200 | Error | None:
    """ One command of the server's history

    Args:
        server_id (int):
        history_id (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CommandsRetrieveResponse200 | Error
     """


    return sync_detailed(
        server_id=server_id,
history_id=history_id,
client=client,

    ).parsed

async def asyncio_detailed(
    server_id: int,
    history_id: int,
    *,
    client: AuthenticatedClient,

) -> Response[CommandsRetrieveResponse200 | Error]:
    """ One command of the server's history

    Args:
        server_id (int):
        history_id (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CommandsRetrieveResponse200 | Error]
     """


    kwargs = _get_kwargs(
        server_id=server_id,
history_id=history_id,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    server_id: int,
    history_id: int,
    *,
    client: AuthenticatedClient,

) -> CommandsRetrieveResponse200 | Error | None:
    """ One command of the server's history

    Args:
        server_id (int):
        history_id (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CommandsRetrieveResponse200 | Error
     """


    return (await asyncio_detailed(
        server_id=server_id,
history_id=history_id,
client=client,

    )).parsed
