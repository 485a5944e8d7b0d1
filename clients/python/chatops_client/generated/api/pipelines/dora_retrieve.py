from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.dora_retrieve_bucket import check_dora_retrieve_bucket
from ...models.dora_retrieve_bucket import DoraRetrieveBucket
from ...models.dora_retrieve_response_200 import DoraRetrieveResponse200
from ...models.error import Error
from ...types import UNSET, Unset
from typing import cast
import datetime



def _get_kwargs(
    *,
    bucket: DoraRetrieveBucket | Unset = 'week',
    end: datetime.datetime | Unset = UNSET,
    environment: str | Unset = UNSET,
    service: str | Unset = UNSET,
    start: datetime.datetime | Unset = UNSET,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    json_bucket: str | Unset = UNSET
    if not isinstance(bucket, Unset):
        json_bucket = bucket

    params["bucket"] = json_bucket

    json_end: str | Unset = UNSET
    if not isinstance(end, Unset):
        json_end = end.isoformat()
    params["end"] = json_end

    params["environment"] = environment

    params["service"] = service

    json_start: str | Unset = UNSET
    if not isinstance(start, Unset):
        json_start = start.isoformat()
    params["start"] = json_start


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/dora",
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> DoraRetrieveResponse200 | Error | None:
    if response.status_code == 200:
        response_200 = DoraRetrieveResponse200.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[DoraRetrieveResponse200 | Error]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    bucket: DoraRetrieveBucket | Unset = 'week',
    end: datetime.datetime | Unset = UNSET,
    environment: str | Unset = UNSET,
    service: str | Unset = UNSET,
    start: datetime.datetime | Unset = UNSET,

) -> Response[DoraRetrieveResponse200 | Error]:
    """ DORA metrics over a range, with their trend, by service, and why any is empty or partial

    Args:
        bucket (DoraRetrieveBucket | Unset):  Default: 'week'.
        end (datetime.datetime | Unset):
        environment (str | Unset):
        service (str | Unset):
        start (datetime.datetime | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DoraRetrieveResponse200 | Error]
     """


    kwargs = _get_kwargs(
        bucket=bucket,
end=end,
environment=environment,
service=service,
start=start,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    *,
    client: AuthenticatedClient,
    bucket: DoraRetrieveBucket | Unset = 'week',
    end: datetime.datetime | Unset = UNSET,
    environment: str | Unset = UNSET,
    service: str | Unset = UNSET,
    start: datetime.datetime | Unset = UNSET,

) -> DoraRetrieveResponse200 | Error | None:
    """ DORA metrics over a range, with their trend, by service, and why any is empty or partial

    Args:
        bucket (DoraRetrieveBucket | Unset):  Default: 'week'.
        end (datetime.datetime | Unset):
        environment (str | Unset):
        service (str | Unset):
        start (datetime.datetime | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DoraRetrieveResponse200 | Error
     """


    return sync_detailed(
        client=client,
bucket=bucket,
end=end,
environment=environment,
service=service,
start=start,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    bucket: DoraRetrieveBucket | Unset = 'week',
    end: datetime.datetime | Unset = UNSET,
    environment: str | Unset = UNSET,
    service: str | Unset = UNSET,
    start: datetime.datetime | Unset = UNSET,

) -> Response[DoraRetrieveResponse200 | Error]:
    """ DORA metrics over a range, with their trend, by service, and why any is empty or partial

    Args:
        bucket (DoraRetrieveBucket | Unset):  Default: 'week'.
        end (datetime.datetime | Unset):
        environment (str | Unset):
        service (str | Unset):
        start (datetime.datetime | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DoraRetrieveResponse200 | Error]
     """


    kwargs = _get_kwargs(
        bucket=bucket,
end=end,
environment=environment,
service=service,
start=start,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    *,
    client: AuthenticatedClient,
    bucket: DoraRetrieveBucket | Unset = 'week',
    end: datetime.datetime | Unset = UNSET,
    environment: str | Unset = UNSET,
    service: str | Unset = UNSET,
    start: datetime.datetime | Unset = UNSET,

) -> DoraRetrieveResponse200 | Error | None:
    """ DORA metrics over a range, with their trend, by service, and why any is empty or partial

    Args:
        bucket (DoraRetrieveBucket | Unset):  Default: 'week'.
        end (datetime.datetime | Unset):
        environment (str | Unset):
        service (str | Unset):
        start (datetime.datetime | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DoraRetrieveResponse200 | Error
     """


    return (await asyncio_detailed(
        client=client,
bucket=bucket,
end=end,
environment=environment,
service=service,
start=start,

    )).parsed
