from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.error import Error
from ...models.kubernetes_clusters_restart_create_response_200 import KubernetesClustersRestartCreateResponse200
from ...models.kubernetes_clusters_restart_create_response_202 import KubernetesClustersRestartCreateResponse202
from ...models.restart_request_request import RestartRequestRequest
from typing import cast



def _get_kwargs(
    name: str,
    *,
    body: RestartRequestRequest,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}


    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/kubernetes/clusters/{name}/restart".format(name=quote(str(name), safe=""),),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Error | KubernetesClustersRestartCreateResponse200 | KubernetesClustersRestartCreateResponse202 | None:
    if response.status_code == 200:
        response_200 = KubernetesClustersRestartCreateResponse200.from_dict(response.json())



        return response_200

    if response.status_code == 202:
        response_202 = KubernetesClustersRestartCreateResponse202.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Error | KubernetesClustersRestartCreateResponse200 | KubernetesClustersRestartCreateResponse202]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    name: str,
    *,
    client: AuthenticatedClient,
    body: RestartRequestRequest,

) -> Response[Error | KubernetesClustersRestartCreateResponse200 | KubernetesClustersRestartCreateResponse202]:
    """ Rollout restart of a deployment (operators; the cluster's owner must enable actions)

     200: the restart's outcome (succeeded, failed, rejected, agent_offline, timed_out). 202: held for a
    second person's approval when the k8s_restart policy asks for one.

    Args:
        name (str):
        body (RestartRequestRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | KubernetesClustersRestartCreateResponse200 | KubernetesClustersRestartCreateResponse202]
     """


    kwargs = _get_kwargs(
        name=name,
body=body,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    name: str,
    *,
    client: AuthenticatedClient,
    body: RestartRequestRequest,

) -> Error | KubernetesClustersRestartCreateResponse200 | KubernetesClustersRestartCreateResponse202 | None:
    """ Rollout restart of a deployment (operators; the cluster's owner must enable actions)

     200: the restart's outcome (succeeded, failed, rejected, agent_offline, timed_out). 202: held for a
    second person's approval when the k8s_restart policy asks for one.

    Args:
        name (str):
        body (RestartRequestRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | KubernetesClustersRestartCreateResponse200 | KubernetesClustersRestartCreateResponse202
     """


    return sync_detailed(
        name=name,
client=client,
body=body,

    ).parsed

async def asyncio_detailed(
    name: str,
    *,
    client: AuthenticatedClient,
    body: RestartRequestRequest,

) -> Response[Error | KubernetesClustersRestartCreateResponse200 | KubernetesClustersRestartCreateResponse202]:
    """ Rollout restart of a deployment (operators; the cluster's owner must enable actions)

     200: the restart's outcome (succeeded, failed, rejected, agent_offline, timed_out). 202: held for a
    second person's approval when the k8s_restart policy asks for one.

    Args:
        name (str):
        body (RestartRequestRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | KubernetesClustersRestartCreateResponse200 | KubernetesClustersRestartCreateResponse202]
     """


    kwargs = _get_kwargs(
        name=name,
body=body,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    name: str,
    *,
    client: AuthenticatedClient,
    body: RestartRequestRequest,

) -> Error | KubernetesClustersRestartCreateResponse200 | KubernetesClustersRestartCreateResponse202 | None:
    """ Rollout restart of a deployment (operators; the cluster's owner must enable actions)

     200: the restart's outcome (succeeded, failed, rejected, agent_offline, timed_out). 202: held for a
    second person's approval when the k8s_restart policy asks for one.

    Args:
        name (str):
        body (RestartRequestRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | KubernetesClustersRestartCreateResponse200 | KubernetesClustersRestartCreateResponse202
     """


    return (await asyncio_detailed(
        name=name,
client=client,
body=body,

    )).parsed
