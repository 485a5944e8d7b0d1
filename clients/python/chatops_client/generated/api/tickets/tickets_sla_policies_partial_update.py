from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.error import Error
from ...models.patched_sla_policy_request import PatchedSLAPolicyRequest
from ...models.tickets_sla_policies_partial_update_response_200 import TicketsSlaPoliciesPartialUpdateResponse200
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    id: str,
    *,
    body: PatchedSLAPolicyRequest | Unset = UNSET,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}


    

    

    _kwargs: dict[str, Any] = {
        "method": "patch",
        "url": "/api/v1/tickets/sla-policies/{id}".format(id=quote(str(id), safe=""),),
    }

    
    if not isinstance(body, Unset):
        _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Error | TicketsSlaPoliciesPartialUpdateResponse200 | None:
    if response.status_code == 200:
        response_200 = TicketsSlaPoliciesPartialUpdateResponse200.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Error | TicketsSlaPoliciesPartialUpdateResponse200]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    id: str,
    *,
    client: AuthenticatedClient,
    body: PatchedSLAPolicyRequest | Unset = UNSET,

) -> Response[Error | TicketsSlaPoliciesPartialUpdateResponse200]:
    """ Change an SLA policy (admins; audited)

     SLA policies: first-response and resolution targets by priority. Support staff read;
    admins write.

    Args:
        id (str):
        body (PatchedSLAPolicyRequest | Unset): The targets of one priority.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | TicketsSlaPoliciesPartialUpdateResponse200]
     """


    kwargs = _get_kwargs(
        id=id,
body=body,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    id: str,
    *,
    client: AuthenticatedClient,
    body: PatchedSLAPolicyRequest | Unset = UNSET,

) -> Error | TicketsSlaPoliciesPartialUpdateResponse200 | None:
    """ Change an SLA policy (admins; audited)

     SLA policies: first-response and resolution targets by priority. Support staff read;
    admins write.

    Args:
        id (str):
        body (PatchedSLAPolicyRequest | Unset): The targets of one priority.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | TicketsSlaPoliciesPartialUpdateResponse200
     """


    return sync_detailed(
        id=id,
client=client,
body=body,

    ).parsed

async def asyncio_detailed(
    id: str,
    *,
    client: AuthenticatedClient,
    body: PatchedSLAPolicyRequest | Unset = UNSET,

) -> Response[Error | TicketsSlaPoliciesPartialUpdateResponse200]:
    """ Change an SLA policy (admins; audited)

     SLA policies: first-response and resolution targets by priority. Support staff read;
    admins write.

    Args:
        id (str):
        body (PatchedSLAPolicyRequest | Unset): The targets of one priority.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | TicketsSlaPoliciesPartialUpdateResponse200]
     """


    kwargs = _get_kwargs(
        id=id,
body=body,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    id: str,
    *,
    client: AuthenticatedClient,
    body: PatchedSLAPolicyRequest | Unset = UNSET,

) -> Error | TicketsSlaPoliciesPartialUpdateResponse200 | None:
    """ Change an SLA policy (admins; audited)

     SLA policies: first-response and resolution targets by priority. Support staff read;
    admins write.

    Args:
        id (str):
        body (PatchedSLAPolicyRequest | Unset): The targets of one priority.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | TicketsSlaPoliciesPartialUpdateResponse200
     """


    return (await asyncio_detailed(
        id=id,
client=client,
body=body,

    )).parsed
