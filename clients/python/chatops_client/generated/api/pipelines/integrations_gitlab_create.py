from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.error import Error
from ...models.integrations_gitlab_create_response_202 import IntegrationsGitlabCreateResponse202
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    integration_id: int,
    *,
    idempotency_key: str | Unset = UNSET,
    x_gitlab_event: str | Unset = UNSET,
    x_gitlab_event_uuid: str | Unset = UNSET,
    x_gitlab_token: str | Unset = UNSET,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    if not isinstance(x_gitlab_event, Unset):
        headers["X-Gitlab-Event"] = x_gitlab_event

    if not isinstance(x_gitlab_event_uuid, Unset):
        headers["X-Gitlab-Event-UUID"] = x_gitlab_event_uuid

    if not isinstance(x_gitlab_token, Unset):
        headers["X-Gitlab-Token"] = x_gitlab_token



    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/integrations/gitlab/{integration_id}".format(integration_id=quote(str(integration_id), safe=""),),
    }


    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Error | IntegrationsGitlabCreateResponse202 | None:
    if response.status_code == 202:
        response_202 = IntegrationsGitlabCreateResponse202.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Error | IntegrationsGitlabCreateResponse202]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    integration_id: int,
    *,
    client: AuthenticatedClient,
    idempotency_key: str | Unset = UNSET,
    x_gitlab_event: str | Unset = UNSET,
    x_gitlab_event_uuid: str | Unset = UNSET,
    x_gitlab_token: str | Unset = UNSET,

) -> Response[Error | IntegrationsGitlabCreateResponse202]:
    """ GitLab webhooks: Pipeline, Job and Deployment hooks

    Args:
        integration_id (int):
        idempotency_key (str | Unset):
        x_gitlab_event (str | Unset):
        x_gitlab_event_uuid (str | Unset):
        x_gitlab_token (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | IntegrationsGitlabCreateResponse202]
     """


    kwargs = _get_kwargs(
        integration_id=integration_id,
idempotency_key=idempotency_key,
x_gitlab_event=x_gitlab_event,
x_gitlab_event_uuid=x_gitlab_event_uuid,
x_gitlab_token=x_gitlab_token,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    integration_id: int,
    *,
    client: AuthenticatedClient,
    idempotency_key: str | Unset = UNSET,
    x_gitlab_event: str | Unset = UNSET,
    x_gitlab_event_uuid: str | Unset = UNSET,
    x_gitlab_token: str | Unset = UNSET,

) -> Error | IntegrationsGitlabCreateResponse202 | None:
    """ GitLab webhooks: Pipeline, Job and Deployment hooks

    Args:
        integration_id (int):
        idempotency_key (str | Unset):
        x_gitlab_event (str | Unset):
        x_gitlab_event_uuid (str | Unset):
        x_gitlab_token (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | IntegrationsGitlabCreateResponse202
     """


    return sync_detailed(
        integration_id=integration_id,
client=client,
idempotency_key=idempotency_key,
x_gitlab_event=x_gitlab_event,
x_gitlab_event_uuid=x_gitlab_event_uuid,
x_gitlab_token=x_gitlab_token,

    ).parsed

async def asyncio_detailed(
    integration_id: int,
    *,
    client: AuthenticatedClient,
    idempotency_key: str | Unset = UNSET,
    x_gitlab_event: str | Unset = UNSET,
    x_gitlab_event_uuid: str | Unset = UNSET,
    x_gitlab_token: str | Unset = UNSET,

) -> Response[Error | IntegrationsGitlabCreateResponse202]:
    """ GitLab webhooks: Pipeline, Job and Deployment hooks

    Args:
        integration_id (int):
        idempotency_key (str | Unset):
        x_gitlab_event (str | Unset):
        x_gitlab_event_uuid (str | Unset):
        x_gitlab_token (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | IntegrationsGitlabCreateResponse202]
     """


    kwargs = _get_kwargs(
        integration_id=integration_id,
idempotency_key=idempotency_key,
x_gitlab_event=x_gitlab_event,
x_gitlab_event_uuid=x_gitlab_event_uuid,
x_gitlab_token=x_gitlab_token,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    integration_id: int,
    *,
    client: AuthenticatedClient,
    idempotency_key: str | Unset = UNSET,
    x_gitlab_event: str | Unset = UNSET,
    x_gitlab_event_uuid: str | Unset = UNSET,
    x_gitlab_token: str | Unset = UNSET,

) -> Error | IntegrationsGitlabCreateResponse202 | None:
    """ GitLab webhooks: Pipeline, Job and Deployment hooks

    Args:
        integration_id (int):
        idempotency_key (str | Unset):
        x_gitlab_event (str | Unset):
        x_gitlab_event_uuid (str | Unset):
        x_gitlab_token (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | IntegrationsGitlabCreateResponse202
     """


    return (await asyncio_detailed(
        integration_id=integration_id,
client=client,
idempotency_key=idempotency_key,
x_gitlab_event=x_gitlab_event,
x_gitlab_event_uuid=x_gitlab_event_uuid,
x_gitlab_token=x_gitlab_token,

    )).parsed
