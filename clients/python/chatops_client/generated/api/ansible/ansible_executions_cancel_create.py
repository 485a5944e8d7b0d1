from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.ansible_executions_cancel_create_response_202 import AnsibleExecutionsCancelCreateResponse202
from ...models.error import Error
from typing import cast



def _get_kwargs(
    execution_id: int,

) -> dict[str, Any]:
    

    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/ansible/executions/{execution_id}/cancel".format(execution_id=quote(str(execution_id), safe=""),),
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> AnsibleExecutionsCancelCreateResponse202 | Error | None:
    if response.status_code == 202:
        response_202 = AnsibleExecutionsCancelCreateResponse202.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[AnsibleExecutionsCancelCreateResponse202 | Error]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    execution_id: int,
    *,
    client: AuthenticatedClient,

) -> Response[AnsibleExecutionsCancelCreateResponse202 | Error]:
    """ Cancel a run (operators): stopped within about a second

    Args:
        execution_id (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AnsibleExecutionsCancelCreateResponse202 | Error]
     """


    kwargs = _get_kwargs(
        execution_id=execution_id,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    execution_id: int,
    *,
    client: AuthenticatedClient,

) -> AnsibleExecutionsCancelCreateResponse202 | Error | None:
    """ Cancel a run (operators): stopped within about a second

    Args:
        execution_id (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AnsibleExecutionsCancelCreateResponse202 | Error
     """


    return sync_detailed(
        execution_id=execution_id,
client=client,

    ).parsed

async def asyncio_detailed(
    execution_id: int,
    *,
    client: AuthenticatedClient,

) -> Response[AnsibleExecutionsCancelCreateResponse202 | Error]:
    """ Cancel a run (operators): stopped within about a second

    Args:
        execution_id (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AnsibleExecutionsCancelCreateResponse202 | Error]
     """


    kwargs = _get_kwargs(
        execution_id=execution_id,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    execution_id: int,
    *,
    client: AuthenticatedClient,

) -> AnsibleExecutionsCancelCreateResponse202 | Error | None:
    """ Cancel a run (operators): stopped within about a second

    Args:
        execution_id (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AnsibleExecutionsCancelCreateResponse202 | Error
     """


    return (await asyncio_detailed(
        execution_id=execution_id,
client=client,

    )).parsed
