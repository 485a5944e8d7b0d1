from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.ansible_playbooks_execute_create_response_202 import AnsiblePlaybooksExecuteCreateResponse202
from ...models.error import Error
from ...models.execute_request import ExecuteRequest
from typing import cast



def _get_kwargs(
    playbook_name: str,
    *,
    body: ExecuteRequest,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}


    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/ansible/playbooks/{playbook_name}/execute".format(playbook_name=quote(str(playbook_name), safe=""),),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> AnsiblePlaybooksExecuteCreateResponse202 | Error | None:
    if response.status_code == 202:
        response_202 = AnsiblePlaybooksExecuteCreateResponse202.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[AnsiblePlaybooksExecuteCreateResponse202 | Error]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    playbook_name: str,
    *,
    client: AuthenticatedClient,
    body: ExecuteRequest,

) -> Response[AnsiblePlaybooksExecuteCreateResponse202 | Error]:
    """ Run a playbook (operators): 202 with its execution_id; the worker runs it

     Or, when the `playbook` approval policy holds an operator's run, 202 with the approval it waits for.

    Args:
        playbook_name (str):
        body (ExecuteRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AnsiblePlaybooksExecuteCreateResponse202 | Error]
     """


    kwargs = _get_kwargs(
        playbook_name=playbook_name,
body=body,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    playbook_name: str,
    *,
    client: AuthenticatedClient,
    body: ExecuteRequest,

) -> AnsiblePlaybooksExecuteCreateResponse202 | Error | None:
    """ Run a playbook (operators): 202 with its execution_id; the worker runs it

     Or, when the `playbook` approval policy holds an operator's run, 202 with the approval it waits for.

    Args:
        playbook_name (str):
        body (ExecuteRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AnsiblePlaybooksExecuteCreateResponse202 | Error
     """


    return sync_detailed(
        playbook_name=playbook_name,
client=client,
body=body,

    ).parsed

async def asyncio_detailed(
    playbook_name: str,
    *,
    client: AuthenticatedClient,
    body: ExecuteRequest,

) -> Response[AnsiblePlaybooksExecuteCreateResponse202 | Error]:
    """ Run a playbook (operators): 202 with its execution_id; the worker runs it

     Or, when the `playbook` approval policy holds an operator's run, 202 with the approval it waits for.

    Args:
        playbook_name (str):
        body (ExecuteRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AnsiblePlaybooksExecuteCreateResponse202 | Error]
     """


    kwargs = _get_kwargs(
        playbook_name=playbook_name,
body=body,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    playbook_name: str,
    *,
    client: AuthenticatedClient,
    body: ExecuteRequest,

) -> AnsiblePlaybooksExecuteCreateResponse202 | Error | None:
    """ Run a playbook (operators): 202 with its execution_id; the worker runs it

     Or, when the `playbook` approval policy holds an operator's run, 202 with the approval it waits for.

    Args:
        playbook_name (str):
        body (ExecuteRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AnsiblePlaybooksExecuteCreateResponse202 | Error
     """


    return (await asyncio_detailed(
        playbook_name=playbook_name,
client=client,
body=body,

    )).parsed
