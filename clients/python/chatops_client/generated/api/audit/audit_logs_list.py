from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.audit_logs_list_action import AuditLogsListAction
from ...models.audit_logs_list_action import check_audit_logs_list_action
from ...models.audit_logs_list_order import AuditLogsListOrder
from ...models.audit_logs_list_order import check_audit_logs_list_order
from ...models.audit_logs_list_sort import AuditLogsListSort
from ...models.audit_logs_list_sort import check_audit_logs_list_sort
from ...models.audit_logs_list_via import AuditLogsListVia
from ...models.audit_logs_list_via import check_audit_logs_list_via
from ...models.error import Error
from ...models.paginated_audit_log_list import PaginatedAuditLogList
from ...types import UNSET, Unset
from typing import cast
import datetime



def _get_kwargs(
    *,
    action: AuditLogsListAction | Unset = UNSET,
    actor: int | Unset = UNSET,
    actor_label: str | Unset = UNSET,
    api_key: int | Unset = UNSET,
    end: datetime.datetime | Unset = UNSET,
    order: AuditLogsListOrder | Unset = UNSET,
    page: int | Unset = 1,
    size: int | Unset = 20,
    sort: AuditLogsListSort | Unset = UNSET,
    start: datetime.datetime | Unset = UNSET,
    target_id: str | Unset = UNSET,
    target_type: str | Unset = UNSET,
    via: AuditLogsListVia | Unset = UNSET,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    json_action: str | Unset = UNSET
    if not isinstance(action, Unset):
        json_action = action

    params["action"] = json_action

    params["actor"] = actor

    params["actor_label"] = actor_label

    params["api_key"] = api_key

    json_end: str | Unset = UNSET
    if not isinstance(end, Unset):
        json_end = end.isoformat()
    params["end"] = json_end

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

    json_start: str | Unset = UNSET
    if not isinstance(start, Unset):
        json_start = start.isoformat()
    params["start"] = json_start

    params["target_id"] = target_id

    params["target_type"] = target_type

    json_via: str | Unset = UNSET
    if not isinstance(via, Unset):
        json_via = via

    params["via"] = json_via


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/audit-logs",
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Error | PaginatedAuditLogList | None:
    if response.status_code == 200:
        response_200 = PaginatedAuditLogList.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Error | PaginatedAuditLogList]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    action: AuditLogsListAction | Unset = UNSET,
    actor: int | Unset = UNSET,
    actor_label: str | Unset = UNSET,
    api_key: int | Unset = UNSET,
    end: datetime.datetime | Unset = UNSET,
    order: AuditLogsListOrder | Unset = UNSET,
    page: int | Unset = 1,
    size: int | Unset = 20,
    sort: AuditLogsListSort | Unset = UNSET,
    start: datetime.datetime | Unset = UNSET,
    target_id: str | Unset = UNSET,
    target_type: str | Unset = UNSET,
    via: AuditLogsListVia | Unset = UNSET,

) -> Response[Error | PaginatedAuditLogList]:
    """  Who did what, when, from where. Admins only.

    Args:
        action (AuditLogsListAction | Unset):
        actor (int | Unset):
        actor_label (str | Unset):
        api_key (int | Unset):
        end (datetime.datetime | Unset):
        order (AuditLogsListOrder | Unset):
        page (int | Unset):  Default: 1.
        size (int | Unset):  Default: 20.
        sort (AuditLogsListSort | Unset):
        start (datetime.datetime | Unset):
        target_id (str | Unset):
        target_type (str | Unset):
        via (AuditLogsListVia | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | PaginatedAuditLogList]
     """


    kwargs = _get_kwargs(
        action=action,
actor=actor,
actor_label=actor_label,
api_key=api_key,
end=end,
order=order,
page=page,
size=size,
sort=sort,
start=start,
target_id=target_id,
target_type=target_type,
via=via,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    *,
    client: AuthenticatedClient,
    action: AuditLogsListAction | Unset = UNSET,
    actor: int | Unset = UNSET,
    actor_label: str | Unset = UNSET,
    api_key: int | Unset = UNSET,
    end: datetime.datetime | Unset = UNSET,
    order: AuditLogsListOrder | Unset = UNSET,
    page: int | Unset = 1,
    size: int | Unset = 20,
    sort: AuditLogsListSort | Unset = UNSET,
    start: datetime.datetime | Unset = UNSET,
    target_id: str | Unset = UNSET,
    target_type: str | Unset = UNSET,
    via: AuditLogsListVia | Unset = UNSET,

) -> Error | PaginatedAuditLogList | None:
    """  Who did what, when, from where. Admins only.

    Args:
        action (AuditLogsListAction | Unset):
        actor (int | Unset):
        actor_label (str | Unset):
        api_key (int | Unset):
        end (datetime.datetime | Unset):
        order (AuditLogsListOrder | Unset):
        page (int | Unset):  Default: 1.
        size (int | Unset):  Default: 20.
        sort (AuditLogsListSort | Unset):
        start (datetime.datetime | Unset):
        target_id (str | Unset):
        target_type (str | Unset):
        via (AuditLogsListVia | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | PaginatedAuditLogList
     """


    return sync_detailed(
        client=client,
action=action,
actor=actor,
actor_label=actor_label,
api_key=api_key,
end=end,
order=order,
page=page,
size=size,
sort=sort,
start=start,
target_id=target_id,
target_type=target_type,
via=via,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    action: AuditLogsListAction | Unset = UNSET,
    actor: int | Unset = UNSET,
    actor_label: str | Unset = UNSET,
    api_key: int | Unset = UNSET,
    end: datetime.datetime | Unset = UNSET,
    order: AuditLogsListOrder | Unset = UNSET,
    page: int | Unset = 1,
    size: int | Unset = 20,
    sort: AuditLogsListSort | Unset = UNSET,
    start: datetime.datetime | Unset = UNSET,
    target_id: str | Unset = UNSET,
    target_type: str | Unset = UNSET,
    via: AuditLogsListVia | Unset = UNSET,

) -> Response[Error | PaginatedAuditLogList]:
    """  Who did what, when, from where. Admins only.

    Args:
        action (AuditLogsListAction | Unset):
        actor (int | Unset):
        actor_label (str | Unset):
        api_key (int | Unset):
        end (datetime.datetime | Unset):
        order (AuditLogsListOrder | Unset):
        page (int | Unset):  Default: 1.
        size (int | Unset):  Default: 20.
        sort (AuditLogsListSort | Unset):
        start (datetime.datetime | Unset):
        target_id (str | Unset):
        target_type (str | Unset):
        via (AuditLogsListVia | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | PaginatedAuditLogList]
     """


    kwargs = _get_kwargs(
        action=action,
actor=actor,
actor_label=actor_label,
api_key=api_key,
end=end,
order=order,
page=page,
size=size,
sort=sort,
start=start,
target_id=target_id,
target_type=target_type,
via=via,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    *,
    client: AuthenticatedClient,
    action: AuditLogsListAction | Unset = UNSET,
    actor: int | Unset = UNSET,
    actor_label: str | Unset = UNSET,
    api_key: int | Unset = UNSET,
    end: datetime.datetime | Unset = UNSET,
    order: AuditLogsListOrder | Unset = UNSET,
    page: int | Unset = 1,
    size: int | Unset = 20,
    sort: AuditLogsListSort | Unset = UNSET,
    start: datetime.datetime | Unset = UNSET,
    target_id: str | Unset = UNSET,
    target_type: str | Unset = UNSET,
    via: AuditLogsListVia | Unset = UNSET,

) -> Error | PaginatedAuditLogList | None:
    """  Who did what, when, from where. Admins only.

    Args:
        action (AuditLogsListAction | Unset):
        actor (int | Unset):
        actor_label (str | Unset):
        api_key (int | Unset):
        end (datetime.datetime | Unset):
        order (AuditLogsListOrder | Unset):
        page (int | Unset):  Default: 1.
        size (int | Unset):  Default: 20.
        sort (AuditLogsListSort | Unset):
        start (datetime.datetime | Unset):
        target_id (str | Unset):
        target_type (str | Unset):
        via (AuditLogsListVia | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | PaginatedAuditLogList
     """


    return (await asyncio_detailed(
        client=client,
action=action,
actor=actor,
actor_label=actor_label,
api_key=api_key,
end=end,
order=order,
page=page,
size=size,
sort=sort,
start=start,
target_id=target_id,
target_type=target_type,
via=via,

    )).parsed
