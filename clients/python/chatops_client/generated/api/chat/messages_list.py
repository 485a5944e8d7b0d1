from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.error import Error
from ...models.messages_list_message_type import check_messages_list_message_type
from ...models.messages_list_message_type import MessagesListMessageType
from ...models.messages_list_order import check_messages_list_order
from ...models.messages_list_order import MessagesListOrder
from ...models.messages_list_sort import check_messages_list_sort
from ...models.messages_list_sort import MessagesListSort
from ...models.paginated_chat_message_list import PaginatedChatMessageList
from ...types import UNSET, Unset
from typing import cast
import datetime



def _get_kwargs(
    *,
    after: int | Unset = UNSET,
    before: int | Unset = UNSET,
    end_date: datetime.datetime | Unset = UNSET,
    message_type: MessagesListMessageType | Unset = UNSET,
    order: MessagesListOrder | Unset = UNSET,
    page: int | Unset = 1,
    room_id: int,
    search: str | Unset = UNSET,
    size: int | Unset = 20,
    sort: MessagesListSort | Unset = UNSET,
    start_date: datetime.datetime | Unset = UNSET,
    thread_id: int | Unset = UNSET,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    params["after"] = after

    params["before"] = before

    json_end_date: str | Unset = UNSET
    if not isinstance(end_date, Unset):
        json_end_date = end_date.isoformat()
    params["end_date"] = json_end_date

    json_message_type: str | Unset = UNSET
    if not isinstance(message_type, Unset):
        json_message_type = message_type

    params["message_type"] = json_message_type

    json_order: str | Unset = UNSET
    if not isinstance(order, Unset):
        json_order = order

    params["order"] = json_order

    params["page"] = page

    params["room_id"] = room_id

    params["search"] = search

    params["size"] = size

    json_sort: str | Unset = UNSET
    if not isinstance(sort, Unset):
        json_sort = sort

    params["sort"] = json_sort

    json_start_date: str | Unset = UNSET
    if not isinstance(start_date, Unset):
        json_start_date = start_date.isoformat()
    params["start_date"] = json_start_date

    params["thread_id"] = thread_id


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/messages",
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Error | PaginatedChatMessageList | None:
    if response.status_code == 200:
        response_200 = PaginatedChatMessageList.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Error | PaginatedChatMessageList]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    after: int | Unset = UNSET,
    before: int | Unset = UNSET,
    end_date: datetime.datetime | Unset = UNSET,
    message_type: MessagesListMessageType | Unset = UNSET,
    order: MessagesListOrder | Unset = UNSET,
    page: int | Unset = 1,
    room_id: int,
    search: str | Unset = UNSET,
    size: int | Unset = 20,
    sort: MessagesListSort | Unset = UNSET,
    start_date: datetime.datetime | Unset = UNSET,
    thread_id: int | Unset = UNSET,

) -> Response[Error | PaginatedChatMessageList]:
    """ A room's messages: its main flow, or one thread

     Newest first by default (`sort=id&order=desc`). The cursors narrow the messages before paging:
    `before=<id>` keeps those older than that message, `after=<id>` those newer; `page` and `size` then
    page through what is left. For infinite scroll, ask `before=<oldest id shown>&size=50` (page 1) each
    time you reach the top; to catch up after a gap, `after=<newest id shown>&sort=id&order=asc`. A
    cursor need not be a message of the room: it is a position in the id order.

    Args:
        after (int | Unset):
        before (int | Unset):
        end_date (datetime.datetime | Unset):
        message_type (MessagesListMessageType | Unset):
        order (MessagesListOrder | Unset):
        page (int | Unset):  Default: 1.
        room_id (int):
        search (str | Unset):
        size (int | Unset):  Default: 20.
        sort (MessagesListSort | Unset):
        start_date (datetime.datetime | Unset):
        thread_id (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | PaginatedChatMessageList]
     """


    kwargs = _get_kwargs(
        after=after,
before=before,
end_date=end_date,
message_type=message_type,
order=order,
page=page,
room_id=room_id,
search=search,
size=size,
sort=sort,
start_date=start_date,
thread_id=thread_id,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    *,
    client: AuthenticatedClient,
    after: int | Unset = UNSET,
    before: int | Unset = UNSET,
    end_date: datetime.datetime | Unset = UNSET,
    message_type: MessagesListMessageType | Unset = UNSET,
    order: MessagesListOrder | Unset = UNSET,
    page: int | Unset = 1,
    room_id: int,
    search: str | Unset = UNSET,
    size: int | Unset = 20,
    sort: MessagesListSort | Unset = UNSET,
    start_date: datetime.datetime | Unset = UNSET,
    thread_id: int | Unset = UNSET,

) -> Error | PaginatedChatMessageList | None:
    """ A room's messages: its main flow, or one thread

     Newest first by default (`sort=id&order=desc`). The cursors narrow the messages before paging:
    `before=<id>` keeps those older than that message, `after=<id>` those newer; `page` and `size` then
    page through what is left. For infinite scroll, ask `before=<oldest id shown>&size=50` (page 1) each
    time you reach the top; to catch up after a gap, `after=<newest id shown>&sort=id&order=asc`. A
    cursor need not be a message of the room: it is a position in the id order.

    Args:
        after (int | Unset):
        before (int | Unset):
        end_date (datetime.datetime | Unset):
        message_type (MessagesListMessageType | Unset):
        order (MessagesListOrder | Unset):
        page (int | Unset):  Default: 1.
        room_id (int):
        search (str | Unset):
        size (int | Unset):  Default: 20.
        sort (MessagesListSort | Unset):
        start_date (datetime.datetime | Unset):
        thread_id (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | PaginatedChatMessageList
     """


    return sync_detailed(
        client=client,
after=after,
before=before,
end_date=end_date,
message_type=message_type,
order=order,
page=page,
room_id=room_id,
search=search,
size=size,
sort=sort,
start_date=start_date,
thread_id=thread_id,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    after: int | Unset = UNSET,
    before: int | Unset = UNSET,
    end_date: datetime.datetime | Unset = UNSET,
    message_type: MessagesListMessageType | Unset = UNSET,
    order: MessagesListOrder | Unset = UNSET,
    page: int | Unset = 1,
    room_id: int,
    search: str | Unset = UNSET,
    size: int | Unset = 20,
    sort: MessagesListSort | Unset = UNSET,
    start_date: datetime.datetime | Unset = UNSET,
    thread_id: int | Unset = UNSET,

) -> Response[Error | PaginatedChatMessageList]:
    """ A room's messages: its main flow, or one thread

     Newest first by default (`sort=id&order=desc`). The cursors narrow the messages before paging:
    `before=<id>` keeps those older than that message, `after=<id>` those newer; `page` and `size` then
    page through what is left. For infinite scroll, ask `before=<oldest id shown>&size=50` (page 1) each
    time you reach the top; to catch up after a gap, `after=<newest id shown>&sort=id&order=asc`. A
    cursor need not be a message of the room: it is a position in the id order.

    Args:
        after (int | Unset):
        before (int | Unset):
        end_date (datetime.datetime | Unset):
        message_type (MessagesListMessageType | Unset):
        order (MessagesListOrder | Unset):
        page (int | Unset):  Default: 1.
        room_id (int):
        search (str | Unset):
        size (int | Unset):  Default: 20.
        sort (MessagesListSort | Unset):
        start_date (datetime.datetime | Unset):
        thread_id (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | PaginatedChatMessageList]
     """


    kwargs = _get_kwargs(
        after=after,
before=before,
end_date=end_date,
message_type=message_type,
order=order,
page=page,
room_id=room_id,
search=search,
size=size,
sort=sort,
start_date=start_date,
thread_id=thread_id,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    *,
    client: AuthenticatedClient,
    after: int | Unset = UNSET,
    before: int | Unset = UNSET,
    end_date: datetime.datetime | Unset = UNSET,
    message_type: MessagesListMessageType | Unset = UNSET,
    order: MessagesListOrder | Unset = UNSET,
    page: int | Unset = 1,
    room_id: int,
    search: str | Unset = UNSET,
    size: int | Unset = 20,
    sort: MessagesListSort | Unset = UNSET,
    start_date: datetime.datetime | Unset = UNSET,
    thread_id: int | Unset = UNSET,

) -> Error | PaginatedChatMessageList | None:
    """ A room's messages: its main flow, or one thread

     Newest first by default (`sort=id&order=desc`). The cursors narrow the messages before paging:
    `before=<id>` keeps those older than that message, `after=<id>` those newer; `page` and `size` then
    page through what is left. For infinite scroll, ask `before=<oldest id shown>&size=50` (page 1) each
    time you reach the top; to catch up after a gap, `after=<newest id shown>&sort=id&order=asc`. A
    cursor need not be a message of the room: it is a position in the id order.

    Args:
        after (int | Unset):
        before (int | Unset):
        end_date (datetime.datetime | Unset):
        message_type (MessagesListMessageType | Unset):
        order (MessagesListOrder | Unset):
        page (int | Unset):  Default: 1.
        room_id (int):
        search (str | Unset):
        size (int | Unset):  Default: 20.
        sort (MessagesListSort | Unset):
        start_date (datetime.datetime | Unset):
        thread_id (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | PaginatedChatMessageList
     """


    return (await asyncio_detailed(
        client=client,
after=after,
before=before,
end_date=end_date,
message_type=message_type,
order=order,
page=page,
room_id=room_id,
search=search,
size=size,
sort=sort,
start_date=start_date,
thread_id=thread_id,

    )).parsed
