from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.error import Error
from ...models.paginated_sla_policy_list import PaginatedSLAPolicyList
from ...models.tickets_sla_policies_list_order import check_tickets_sla_policies_list_order
from ...models.tickets_sla_policies_list_order import TicketsSlaPoliciesListOrder
from ...models.tickets_sla_policies_list_sort import check_tickets_sla_policies_list_sort
from ...models.tickets_sla_policies_list_sort import TicketsSlaPoliciesListSort
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    *,
    order: TicketsSlaPoliciesListOrder | Unset = UNSET,
    page: int | Unset = 1,
    size: int | Unset = 20,
    sort: TicketsSlaPoliciesListSort | Unset = UNSET,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    json_order: str | Unset = UNSET
    if not isinstance(order, Unset):
        json_order = order

    params["order"] = json_order

    params["page"] = page

    params["size"] = size

    json_sort: str | Unset = UNSET
    if not isinstance(sort, Unset):
        json_sort = sort

    params["sort"] = json_sort


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/tickets/sla-policies",
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Error | PaginatedSLAPolicyList | None:
    if response.status_code == 200:
        response_200 = PaginatedSLAPolicyList.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Error | PaginatedSLAPolicyList]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    order: TicketsSlaPoliciesListOrder | Unset = UNSET,
    page: int | Unset = 1,
    size: int | Unset = 20,
    sort: TicketsSlaPoliciesListSort | Unset = UNSET,

) -> Response[Error | PaginatedSLAPolicyList]:
    """ SLA policies by priority (support staff)

     SLA policies: first-response and resolution targets by priority. Support staff read;
    admins write.

    Args:
        order (TicketsSlaPoliciesListOrder | Unset):
        page (int | Unset):  Default: 1.
        size (int | Unset):  Default: 20.
        sort (TicketsSlaPoliciesListSort | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | PaginatedSLAPolicyList]
     """


    kwargs = _get_kwargs(
        order=order,
page=page,
size=size,
sort=sort,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    *,
    client: AuthenticatedClient,
    order: TicketsSlaPoliciesListOrder | Unset = UNSET,
    page: int | Unset = 1,
    size: int | Unset = 20,
    sort: TicketsSlaPoliciesListSort | Unset = UNSET,

) -> Error | PaginatedSLAPolicyList | None:
    """ SLA policies by priority (support staff)

     SLA policies: first-response and resolution targets by priority. Support staff read;
    admins write.

    Args:
        order (TicketsSlaPoliciesListOrder | Unset):
        page (int | Unset):  Default: 1.
        size (int | Unset):  Default: 20.
        sort (TicketsSlaPoliciesListSort | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | PaginatedSLAPolicyList
     """


    return sync_detailed(
        client=client,
order=order,
page=page,
size=size,
sort=sort,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    order: TicketsSlaPoliciesListOrder | Unset = UNSET,
    page: int | Unset = 1,
    size: int | Unset = 20,
    sort: TicketsSlaPoliciesListSort | Unset = UNSET,

) -> Response[Error | PaginatedSLAPolicyList]:
    """ SLA policies by priority (support staff)

     SLA policies: first-response and resolution targets by priority. Support staff read;
    admins write.

    Args:
        order (TicketsSlaPoliciesListOrder | Unset):
        page (int | Unset):  Default: 1.
        size (int | Unset):  Default: 20.
        sort (TicketsSlaPoliciesListSort | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | PaginatedSLAPolicyList]
     """


    kwargs = _get_kwargs(
        order=order,
page=page,
size=size,
sort=sort,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    *,
    client: AuthenticatedClient,
    order: TicketsSlaPoliciesListOrder | Unset = UNSET,
    page: int | Unset = 1,
    size: int | Unset = 20,
    sort: TicketsSlaPoliciesListSort | Unset = UNSET,

) -> Error | PaginatedSLAPolicyList | None:
    """ SLA policies by priority (support staff)

     SLA policies: first-response and resolution targets by priority. Support staff read;
    admins write.

    Args:
        order (TicketsSlaPoliciesListOrder | Unset):
        page (int | Unset):  Default: 1.
        size (int | Unset):  Default: 20.
        sort (TicketsSlaPoliciesListSort | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | PaginatedSLAPolicyList
     """


    return (await asyncio_detailed(
        client=client,
order=order,
page=page,
size=size,
sort=sort,

    )).parsed
