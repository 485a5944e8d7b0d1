from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.approvals_policies_update_response_200 import ApprovalsPoliciesUpdateResponse200
from ...models.error import Error
from ...models.policy_change_request import PolicyChangeRequest
from typing import cast



def _get_kwargs(
    kind: str,
    *,
    body: PolicyChangeRequest,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}


    

    

    _kwargs: dict[str, Any] = {
        "method": "put",
        "url": "/api/v1/approvals/policies/{kind}".format(kind=quote(str(kind), safe=""),),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> ApprovalsPoliciesUpdateResponse200 | Error | None:
    if response.status_code == 200:
        response_200 = ApprovalsPoliciesUpdateResponse200.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[ApprovalsPoliciesUpdateResponse200 | Error]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    kind: str,
    *,
    client: AuthenticatedClient,
    body: PolicyChangeRequest,

) -> Response[ApprovalsPoliciesUpdateResponse200 | Error]:
    """ Turn two-person approval on or off for a kind (admins)

     Per kind of action, whether operators' requests wait for a second person. Operators
    and admins read; admins change.

    Args:
        kind (str):
        body (PolicyChangeRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ApprovalsPoliciesUpdateResponse200 | Error]
     """


    kwargs = _get_kwargs(
        kind=kind,
body=body,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    kind: str,
    *,
    client: AuthenticatedClient,
    body: PolicyChangeRequest,

) -> ApprovalsPoliciesUpdateResponse200 | Error | None:
    """ Turn two-person approval on or off for a kind (admins)

     Per kind of action, whether operators' requests wait for a second person. Operators
    and admins read; admins change.

    Args:
        kind (str):
        body (PolicyChangeRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ApprovalsPoliciesUpdateResponse200 | Error
     """


    return sync_detailed(
        kind=kind,
client=client,
body=body,

    ).parsed

async def asyncio_detailed(
    kind: str,
    *,
    client: AuthenticatedClient,
    body: PolicyChangeRequest,

) -> Response[ApprovalsPoliciesUpdateResponse200 | Error]:
    """ Turn two-person approval on or off for a kind (admins)

     Per kind of action, whether operators' requests wait for a second person. Operators
    and admins read; admins change.

    Args:
        kind (str):
        body (PolicyChangeRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ApprovalsPoliciesUpdateResponse200 | Error]
     """


    kwargs = _get_kwargs(
        kind=kind,
body=body,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    kind: str,
    *,
    client: AuthenticatedClient,
    body: PolicyChangeRequest,

) -> ApprovalsPoliciesUpdateResponse200 | Error | None:
    """ Turn two-person approval on or off for a kind (admins)

     Per kind of action, whether operators' requests wait for a second person. Operators
    and admins read; admins change.

    Args:
        kind (str):
        body (PolicyChangeRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ApprovalsPoliciesUpdateResponse200 | Error
     """


    return (await asyncio_detailed(
        kind=kind,
client=client,
body=body,

    )).parsed
