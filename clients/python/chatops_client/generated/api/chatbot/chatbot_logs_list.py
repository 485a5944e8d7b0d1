from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.chatbot_logs_list_order import ChatbotLogsListOrder
from ...models.chatbot_logs_list_order import check_chatbot_logs_list_order
from ...models.chatbot_logs_list_sort import ChatbotLogsListSort
from ...models.chatbot_logs_list_sort import check_chatbot_logs_list_sort
from ...models.error import Error
from ...models.paginated_chat_log_list import PaginatedChatLogList
from ...types import UNSET, Unset
from typing import cast
import datetime



def _get_kwargs(
    *,
    end_date: datetime.datetime | Unset = UNSET,
    escalated_only: bool | Unset = UNSET,
    order: ChatbotLogsListOrder | Unset = UNSET,
    page: int | Unset = 1,
    session_id: str | Unset = UNSET,
    size: int | Unset = 20,
    sort: ChatbotLogsListSort | Unset = UNSET,
    start_date: datetime.datetime | Unset = UNSET,
    user_id: int | Unset = UNSET,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    json_end_date: str | Unset = UNSET
    if not isinstance(end_date, Unset):
        json_end_date = end_date.isoformat()
    params["end_date"] = json_end_date

    params["escalated_only"] = escalated_only

    json_order: str | Unset = UNSET
    if not isinstance(order, Unset):
        json_order = order

    params["order"] = json_order

    params["page"] = page

    params["session_id"] = session_id

    params["size"] = size

    json_sort: str | Unset = UNSET
    if not isinstance(sort, Unset):
        json_sort = sort

    params["sort"] = json_sort

    json_start_date: str | Unset = UNSET
    if not isinstance(start_date, Unset):
        json_start_date = start_date.isoformat()
    params["start_date"] = json_start_date

    params["user_id"] = user_id


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/chatbot/logs",
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Error | PaginatedChatLogList | None:
    if response.status_code == 200:
        response_200 = PaginatedChatLogList.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Error | PaginatedChatLogList]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    end_date: datetime.datetime | Unset = UNSET,
    escalated_only: bool | Unset = UNSET,
    order: ChatbotLogsListOrder | Unset = UNSET,
    page: int | Unset = 1,
    session_id: str | Unset = UNSET,
    size: int | Unset = 20,
    sort: ChatbotLogsListSort | Unset = UNSET,
    start_date: datetime.datetime | Unset = UNSET,
    user_id: int | Unset = UNSET,

) -> Response[Error | PaginatedChatLogList]:
    """ What the bot was asked and what it did, newest first (support and above)

    Args:
        end_date (datetime.datetime | Unset):
        escalated_only (bool | Unset):
        order (ChatbotLogsListOrder | Unset):
        page (int | Unset):  Default: 1.
        session_id (str | Unset):
        size (int | Unset):  Default: 20.
        sort (ChatbotLogsListSort | Unset):
        start_date (datetime.datetime | Unset):
        user_id (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | PaginatedChatLogList]
     """


    kwargs = _get_kwargs(
        end_date=end_date,
escalated_only=escalated_only,
order=order,
page=page,
session_id=session_id,
size=size,
sort=sort,
start_date=start_date,
user_id=user_id,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    *,
    client: AuthenticatedClient,
    end_date: datetime.datetime | Unset = UNSET,
    escalated_only: bool | Unset = UNSET,
    order: ChatbotLogsListOrder | Unset = UNSET,
    page: int | Unset = 1,
    session_id: str | Unset = UNSET,
    size: int | Unset = 20,
    sort: ChatbotLogsListSort | Unset = UNSET,
    start_date: datetime.datetime | Unset = UNSET,
    user_id: int | Unset = UNSET,

) -> Error | PaginatedChatLogList | None:
    """ What the bot was asked and what it did, newest first (support and above)

    Args:
        end_date (datetime.datetime | Unset):
        escalated_only (bool | Unset):
        order (ChatbotLogsListOrder | Unset):
        page (int | Unset):  Default: 1.
        session_id (str | Unset):
        size (int | Unset):  Default: 20.
        sort (ChatbotLogsListSort | Unset):
        start_date (datetime.datetime | Unset):
        user_id (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | PaginatedChatLogList
     """


    return sync_detailed(
        client=client,
end_date=end_date,
escalated_only=escalated_only,
order=order,
page=page,
session_id=session_id,
size=size,
sort=sort,
start_date=start_date,
user_id=user_id,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    end_date: datetime.datetime | Unset = UNSET,
    escalated_only: bool | Unset = UNSET,
    order: ChatbotLogsListOrder | Unset = UNSET,
    page: int | Unset = 1,
    session_id: str | Unset = UNSET,
    size: int | Unset = 20,
    sort: ChatbotLogsListSort | Unset = UNSET,
    start_date: datetime.datetime | Unset = UNSET,
    user_id: int | Unset = UNSET,

) -> Response[Error | PaginatedChatLogList]:
    """ What the bot was asked and what it did, newest first (support and above)

    Args:
        end_date (datetime.datetime | Unset):
        escalated_only (bool | Unset):
        order (ChatbotLogsListOrder | Unset):
        page (int | Unset):  Default: 1.
        session_id (str | Unset):
        size (int | Unset):  Default: 20.
        sort (ChatbotLogsListSort | Unset):
        start_date (datetime.datetime | Unset):
        user_id (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | PaginatedChatLogList]
     """


    kwargs = _get_kwargs(
        end_date=end_date,
escalated_only=escalated_only,
order=order,
page=page,
session_id=session_id,
size=size,
sort=sort,
start_date=start_date,
user_id=user_id,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    *,
    client: AuthenticatedClient,
    end_date: datetime.datetime | Unset = UNSET,
    escalated_only: bool | Unset = UNSET,
    order: ChatbotLogsListOrder | Unset = UNSET,
    page: int | Unset = 1,
    session_id: str | Unset = UNSET,
    size: int | Unset = 20,
    sort: ChatbotLogsListSort | Unset = UNSET,
    start_date: datetime.datetime | Unset = UNSET,
    user_id: int | Unset = UNSET,

) -> Error | PaginatedChatLogList | None:
    """ What the bot was asked and what it did, newest first (support and above)

    Args:
        end_date (datetime.datetime | Unset):
        escalated_only (bool | Unset):
        order (ChatbotLogsListOrder | Unset):
        page (int | Unset):  Default: 1.
        session_id (str | Unset):
        size (int | Unset):  Default: 20.
        sort (ChatbotLogsListSort | Unset):
        start_date (datetime.datetime | Unset):
        user_id (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | PaginatedChatLogList
     """


    return (await asyncio_detailed(
        client=client,
end_date=end_date,
escalated_only=escalated_only,
order=order,
page=page,
session_id=session_id,
size=size,
sort=sort,
start_date=start_date,
user_id=user_id,

    )).parsed
