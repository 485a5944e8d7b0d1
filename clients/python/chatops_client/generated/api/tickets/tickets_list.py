from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.error import Error
from ...models.paginated_ticket_list import PaginatedTicketList
from ...models.tickets_list_category_item import check_tickets_list_category_item
from ...models.tickets_list_category_item import TicketsListCategoryItem
from ...models.tickets_list_order import check_tickets_list_order
from ...models.tickets_list_order import TicketsListOrder
from ...models.tickets_list_priority_item import check_tickets_list_priority_item
from ...models.tickets_list_priority_item import TicketsListPriorityItem
from ...models.tickets_list_sla_state import check_tickets_list_sla_state
from ...models.tickets_list_sla_state import TicketsListSlaState
from ...models.tickets_list_sort import check_tickets_list_sort
from ...models.tickets_list_sort import TicketsListSort
from ...models.tickets_list_source import check_tickets_list_source
from ...models.tickets_list_source import TicketsListSource
from ...models.tickets_list_status_item import check_tickets_list_status_item
from ...models.tickets_list_status_item import TicketsListStatusItem
from ...types import UNSET, Unset
from typing import cast
import datetime



def _get_kwargs(
    *,
    assigned_to: int | Unset = UNSET,
    category: list[TicketsListCategoryItem] | Unset = UNSET,
    created_by: int | Unset = UNSET,
    end_date: datetime.datetime | Unset = UNSET,
    needs_review: bool | Unset = UNSET,
    order: TicketsListOrder | Unset = UNSET,
    page: int | Unset = 1,
    priority: list[TicketsListPriorityItem] | Unset = UNSET,
    search: str | Unset = UNSET,
    size: int | Unset = 20,
    sla_state: TicketsListSlaState | Unset = UNSET,
    sort: TicketsListSort | Unset = UNSET,
    source: TicketsListSource | Unset = UNSET,
    start_date: datetime.datetime | Unset = UNSET,
    status: list[TicketsListStatusItem] | Unset = UNSET,
    unassigned: bool | Unset = UNSET,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    params["assigned_to"] = assigned_to

    json_category: list[str] | Unset = UNSET
    if not isinstance(category, Unset):
        json_category = []
        for category_item_data in category:
            category_item: str = category_item_data
            json_category.append(category_item)


    params["category"] = json_category

    params["created_by"] = created_by

    json_end_date: str | Unset = UNSET
    if not isinstance(end_date, Unset):
        json_end_date = end_date.isoformat()
    params["end_date"] = json_end_date

    params["needs_review"] = needs_review

    json_order: str | Unset = UNSET
    if not isinstance(order, Unset):
        json_order = order

    params["order"] = json_order

    params["page"] = page

    json_priority: list[str] | Unset = UNSET
    if not isinstance(priority, Unset):
        json_priority = []
        for priority_item_data in priority:
            priority_item: str = priority_item_data
            json_priority.append(priority_item)


    params["priority"] = json_priority

    params["search"] = search

    params["size"] = size

    json_sla_state: str | Unset = UNSET
    if not isinstance(sla_state, Unset):
        json_sla_state = sla_state

    params["sla_state"] = json_sla_state

    json_sort: str | Unset = UNSET
    if not isinstance(sort, Unset):
        json_sort = sort

    params["sort"] = json_sort

    json_source: str | Unset = UNSET
    if not isinstance(source, Unset):
        json_source = source

    params["source"] = json_source

    json_start_date: str | Unset = UNSET
    if not isinstance(start_date, Unset):
        json_start_date = start_date.isoformat()
    params["start_date"] = json_start_date

    json_status: list[str] | Unset = UNSET
    if not isinstance(status, Unset):
        json_status = []
        for status_item_data in status:
            status_item: str = status_item_data
            json_status.append(status_item)


    params["status"] = json_status

    params["unassigned"] = unassigned


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/tickets",
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Error | PaginatedTicketList | None:
    if response.status_code == 200:
        response_200 = PaginatedTicketList.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Error | PaginatedTicketList]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    assigned_to: int | Unset = UNSET,
    category: list[TicketsListCategoryItem] | Unset = UNSET,
    created_by: int | Unset = UNSET,
    end_date: datetime.datetime | Unset = UNSET,
    needs_review: bool | Unset = UNSET,
    order: TicketsListOrder | Unset = UNSET,
    page: int | Unset = 1,
    priority: list[TicketsListPriorityItem] | Unset = UNSET,
    search: str | Unset = UNSET,
    size: int | Unset = 20,
    sla_state: TicketsListSlaState | Unset = UNSET,
    sort: TicketsListSort | Unset = UNSET,
    source: TicketsListSource | Unset = UNSET,
    start_date: datetime.datetime | Unset = UNSET,
    status: list[TicketsListStatusItem] | Unset = UNSET,
    unassigned: bool | Unset = UNSET,

) -> Response[Error | PaginatedTicketList]:
    """ Tickets, newest first (support staff: all; others: their own)

     Tickets: requests for help and incidents.

    Args:
        assigned_to (int | Unset):
        category (list[TicketsListCategoryItem] | Unset):
        created_by (int | Unset):
        end_date (datetime.datetime | Unset):
        needs_review (bool | Unset):
        order (TicketsListOrder | Unset):
        page (int | Unset):  Default: 1.
        priority (list[TicketsListPriorityItem] | Unset):
        search (str | Unset):
        size (int | Unset):  Default: 20.
        sla_state (TicketsListSlaState | Unset):
        sort (TicketsListSort | Unset):
        source (TicketsListSource | Unset):
        start_date (datetime.datetime | Unset):
        status (list[TicketsListStatusItem] | Unset):
        unassigned (bool | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | PaginatedTicketList]
     """


    kwargs = _get_kwargs(
        assigned_to=assigned_to,
category=category,
created_by=created_by,
end_date=end_date,
needs_review=needs_review,
order=order,
page=page,
priority=priority,
search=search,
size=size,
sla_state=sla_state,
sort=sort,
source=source,
start_date=start_date,
status=status,
unassigned=unassigned,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    *,
    client: AuthenticatedClient,
    assigned_to: int | Unset = UNSET,
    category: list[TicketsListCategoryItem] | Unset = UNSET,
    created_by: int | Unset = UNSET,
    end_date: datetime.datetime | Unset = UNSET,
    needs_review: bool | Unset = UNSET,
    order: TicketsListOrder | Unset = UNSET,
    page: int | Unset = 1,
    priority: list[TicketsListPriorityItem] | Unset = UNSET,
    search: str | Unset = UNSET,
    size: int | Unset = 20,
    sla_state: TicketsListSlaState | Unset = UNSET,
    sort: TicketsListSort | Unset = UNSET,
    source: TicketsListSource | Unset = UNSET,
    start_date: datetime.datetime | Unset = UNSET,
    status: list[TicketsListStatusItem] | Unset = UNSET,
    unassigned: bool | Unset = UNSET,

) -> Error | PaginatedTicketList | None:
    """ Tickets, newest first (support staff: all; others: their own)

     Tickets: requests for help and incidents.

    Args:
        assigned_to (int | Unset):
        category (list[TicketsListCategoryItem] | Unset):
        created_by (int | Unset):
        end_date (datetime.datetime | Unset):
        needs_review (bool | Unset):
        order (TicketsListOrder | Unset):
        page (int | Unset):  Default: 1.
        priority (list[TicketsListPriorityItem] | Unset):
        search (str | Unset):
        size (int | Unset):  Default: 20.
        sla_state (TicketsListSlaState | Unset):
        sort (TicketsListSort | Unset):
        source (TicketsListSource | Unset):
        start_date (datetime.datetime | Unset):
        status (list[TicketsListStatusItem] | Unset):
        unassigned (bool | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | PaginatedTicketList
     """


    return sync_detailed(
        client=client,
assigned_to=assigned_to,
category=category,
created_by=created_by,
end_date=end_date,
needs_review=needs_review,
order=order,
page=page,
priority=priority,
search=search,
size=size,
sla_state=sla_state,
sort=sort,
source=source,
start_date=start_date,
status=status,
unassigned=unassigned,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    assigned_to: int | Unset = UNSET,
    category: list[TicketsListCategoryItem] | Unset = UNSET,
    created_by: int | Unset = UNSET,
    end_date: datetime.datetime | Unset = UNSET,
    needs_review: bool | Unset = UNSET,
    order: TicketsListOrder | Unset = UNSET,
    page: int | Unset = 1,
    priority: list[TicketsListPriorityItem] | Unset = UNSET,
    search: str | Unset = UNSET,
    size: int | Unset = 20,
    sla_state: TicketsListSlaState | Unset = UNSET,
    sort: TicketsListSort | Unset = UNSET,
    source: TicketsListSource | Unset = UNSET,
    start_date: datetime.datetime | Unset = UNSET,
    status: list[TicketsListStatusItem] | Unset = UNSET,
    unassigned: bool | Unset = UNSET,

) -> Response[Error | PaginatedTicketList]:
    """ Tickets, newest first (support staff: all; others: their own)

     Tickets: requests for help and incidents.

    Args:
        assigned_to (int | Unset):
        category (list[TicketsListCategoryItem] | Unset):
        created_by (int | Unset):
        end_date (datetime.datetime | Unset):
        needs_review (bool | Unset):
        order (TicketsListOrder | Unset):
        page (int | Unset):  Default: 1.
        priority (list[TicketsListPriorityItem] | Unset):
        search (str | Unset):
        size (int | Unset):  Default: 20.
        sla_state (TicketsListSlaState | Unset):
        sort (TicketsListSort | Unset):
        source (TicketsListSource | Unset):
        start_date (datetime.datetime | Unset):
        status (list[TicketsListStatusItem] | Unset):
        unassigned (bool | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | PaginatedTicketList]
     """


    kwargs = _get_kwargs(
        assigned_to=assigned_to,
category=category,
created_by=created_by,
end_date=end_date,
needs_review=needs_review,
order=order,
page=page,
priority=priority,
search=search,
size=size,
sla_state=sla_state,
sort=sort,
source=source,
start_date=start_date,
status=status,
unassigned=unassigned,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    *,
    client: AuthenticatedClient,
    assigned_to: int | Unset = UNSET,
    category: list[TicketsListCategoryItem] | Unset = UNSET,
    created_by: int | Unset = UNSET,
    end_date: datetime.datetime | Unset = UNSET,
    needs_review: bool | Unset = UNSET,
    order: TicketsListOrder | Unset = UNSET,
    page: int | Unset = 1,
    priority: list[TicketsListPriorityItem] | Unset = UNSET,
    search: str | Unset = UNSET,
    size: int | Unset = 20,
    sla_state: TicketsListSlaState | Unset = UNSET,
    sort: TicketsListSort | Unset = UNSET,
    source: TicketsListSource | Unset = UNSET,
    start_date: datetime.datetime | Unset = UNSET,
    status: list[TicketsListStatusItem] | Unset = UNSET,
    unassigned: bool | Unset = UNSET,

) -> Error | PaginatedTicketList | None:
    """ Tickets, newest first (support staff: all; others: their own)

     Tickets: requests for help and incidents.

    Args:
        assigned_to (int | Unset):
        category (list[TicketsListCategoryItem] | Unset):
        created_by (int | Unset):
        end_date (datetime.datetime | Unset):
        needs_review (bool | Unset):
        order (TicketsListOrder | Unset):
        page (int | Unset):  Default: 1.
        priority (list[TicketsListPriorityItem] | Unset):
        search (str | Unset):
        size (int | Unset):  Default: 20.
        sla_state (TicketsListSlaState | Unset):
        sort (TicketsListSort | Unset):
        source (TicketsListSource | Unset):
        start_date (datetime.datetime | Unset):
        status (list[TicketsListStatusItem] | Unset):
        unassigned (bool | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | PaginatedTicketList
     """


    return (await asyncio_detailed(
        client=client,
assigned_to=assigned_to,
category=category,
created_by=created_by,
end_date=end_date,
needs_review=needs_review,
order=order,
page=page,
priority=priority,
search=search,
size=size,
sla_state=sla_state,
sort=sort,
source=source,
start_date=start_date,
status=status,
unassigned=unassigned,

    )).parsed
