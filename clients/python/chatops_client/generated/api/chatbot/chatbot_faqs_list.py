from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.chatbot_faqs_list_order import ChatbotFaqsListOrder
from ...models.chatbot_faqs_list_order import check_chatbot_faqs_list_order
from ...models.chatbot_faqs_list_sort import ChatbotFaqsListSort
from ...models.chatbot_faqs_list_sort import check_chatbot_faqs_list_sort
from ...models.error import Error
from ...models.paginated_faq_list import PaginatedFAQList
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    *,
    category: str | Unset = UNSET,
    is_active: bool | Unset = UNSET,
    order: ChatbotFaqsListOrder | Unset = UNSET,
    page: int | Unset = 1,
    search: str | Unset = UNSET,
    size: int | Unset = 20,
    sort: ChatbotFaqsListSort | Unset = UNSET,
    tags: str | Unset = UNSET,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    params["category"] = category

    params["is_active"] = is_active

    json_order: str | Unset = UNSET
    if not isinstance(order, Unset):
        json_order = order

    params["order"] = json_order

    params["page"] = page

    params["search"] = search

    params["size"] = size

    json_sort: str | Unset = UNSET
    if not isinstance(sort, Unset):
        json_sort = sort

    params["sort"] = json_sort

    params["tags"] = tags


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/chatbot/faqs",
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Error | PaginatedFAQList | None:
    if response.status_code == 200:
        response_200 = PaginatedFAQList.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Error | PaginatedFAQList]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    category: str | Unset = UNSET,
    is_active: bool | Unset = UNSET,
    order: ChatbotFaqsListOrder | Unset = UNSET,
    page: int | Unset = 1,
    search: str | Unset = UNSET,
    size: int | Unset = 20,
    sort: ChatbotFaqsListSort | Unset = UNSET,
    tags: str | Unset = UNSET,

) -> Response[Error | PaginatedFAQList]:
    """ FAQs (search, category, tags); inactive ones for support staff only

     The questions and answers the bot answers from.

    Args:
        category (str | Unset):
        is_active (bool | Unset):
        order (ChatbotFaqsListOrder | Unset):
        page (int | Unset):  Default: 1.
        search (str | Unset):
        size (int | Unset):  Default: 20.
        sort (ChatbotFaqsListSort | Unset):
        tags (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | PaginatedFAQList]
     """


    kwargs = _get_kwargs(
        category=category,
is_active=is_active,
order=order,
page=page,
search=search,
size=size,
sort=sort,
tags=tags,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    *,
    client: AuthenticatedClient,
    category: str | Unset = UNSET,
    is_active: bool | Unset = UNSET,
    order: ChatbotFaqsListOrder | Unset = UNSET,
    page: int | Unset = 1,
    search: str | Unset = UNSET,
    size: int | Unset = 20,
    sort: ChatbotFaqsListSort | Unset = UNSET,
    tags: str | Unset = UNSET,

) -> Error | PaginatedFAQList | None:
    """ FAQs (search, category, tags); inactive ones for support staff only

     The questions and answers the bot answers from.

    Args:
        category (str | Unset):
        is_active (bool | Unset):
        order (ChatbotFaqsListOrder | Unset):
        page (int | Unset):  Default: 1.
        search (str | Unset):
        size (int | Unset):  Default: 20.
        sort (ChatbotFaqsListSort | Unset):
        tags (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | PaginatedFAQList
     """


    return sync_detailed(
        client=client,
category=category,
is_active=is_active,
order=order,
page=page,
search=search,
size=size,
sort=sort,
tags=tags,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    category: str | Unset = UNSET,
    is_active: bool | Unset = UNSET,
    order: ChatbotFaqsListOrder | Unset = UNSET,
    page: int | Unset = 1,
    search: str | Unset = UNSET,
    size: int | Unset = 20,
    sort: ChatbotFaqsListSort | Unset = UNSET,
    tags: str | Unset = UNSET,

) -> Response[Error | PaginatedFAQList]:
    """ FAQs (search, category, tags); inactive ones for support staff only

     The questions and answers the bot answers from.

    Args:
        category (str | Unset):
        is_active (bool | Unset):
        order (ChatbotFaqsListOrder | Unset):
        page (int | Unset):  Default: 1.
        search (str | Unset):
        size (int | Unset):  Default: 20.
        sort (ChatbotFaqsListSort | Unset):
        tags (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | PaginatedFAQList]
     """


    kwargs = _get_kwargs(
        category=category,
is_active=is_active,
order=order,
page=page,
search=search,
size=size,
sort=sort,
tags=tags,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    *,
    client: AuthenticatedClient,
    category: str | Unset = UNSET,
    is_active: bool | Unset = UNSET,
    order: ChatbotFaqsListOrder | Unset = UNSET,
    page: int | Unset = 1,
    search: str | Unset = UNSET,
    size: int | Unset = 20,
    sort: ChatbotFaqsListSort | Unset = UNSET,
    tags: str | Unset = UNSET,

) -> Error | PaginatedFAQList | None:
    """ FAQs (search, category, tags); inactive ones for support staff only

     The questions and answers the bot answers from.

    Args:
        category (str | Unset):
        is_active (bool | Unset):
        order (ChatbotFaqsListOrder | Unset):
        page (int | Unset):  Default: 1.
        search (str | Unset):
        size (int | Unset):  Default: 20.
        sort (ChatbotFaqsListSort | Unset):
        tags (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | PaginatedFAQList
     """


    return (await asyncio_detailed(
        client=client,
category=category,
is_active=is_active,
order=order,
page=page,
search=search,
size=size,
sort=sort,
tags=tags,

    )).parsed
