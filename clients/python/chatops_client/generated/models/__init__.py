""" Contains all the data models used in inputs/outputs """

from .accepted import Accepted
from .admin_user import AdminUser
from .alert import Alert
from .alert_action_request import AlertActionRequest
from .alert_route import AlertRoute
from .alert_route_request import AlertRouteRequest
from .alert_routes_create_response_201 import AlertRoutesCreateResponse201
from .alert_routes_destroy_response_200 import AlertRoutesDestroyResponse200
from .alert_routes_destroy_response_200_data_type_0 import AlertRoutesDestroyResponse200DataType0
from .alert_routes_list_order import AlertRoutesListOrder
from .alert_routes_list_sort import AlertRoutesListSort
from .alert_routes_partial_update_response_200 import AlertRoutesPartialUpdateResponse200
from .alert_routes_retrieve_response_200 import AlertRoutesRetrieveResponse200
from .alert_routes_update_response_200 import AlertRoutesUpdateResponse200
from .alert_status_enum import AlertStatusEnum
from .alert_subscription import AlertSubscription
from .alert_subscription_request import AlertSubscriptionRequest
from .alert_subscriptions import AlertSubscriptions
from .alert_subscriptions_request import AlertSubscriptionsRequest
from .alerts_acknowledge_create_response_200 import AlertsAcknowledgeCreateResponse200
from .alerts_list_kind import AlertsListKind
from .alerts_list_order import AlertsListOrder
from .alerts_list_severity_item import AlertsListSeverityItem
from .alerts_list_sort import AlertsListSort
from .alerts_list_status_item import AlertsListStatusItem
from .alerts_resolve_create_response_200 import AlertsResolveCreateResponse200
from .alerts_retrieve_response_200 import AlertsRetrieveResponse200
from .alerts_thresholds_create_response_201 import AlertsThresholdsCreateResponse201
from .alerts_thresholds_destroy_response_200 import AlertsThresholdsDestroyResponse200
from .alerts_thresholds_destroy_response_200_data_type_0 import AlertsThresholdsDestroyResponse200DataType0
from .alerts_thresholds_list_order import AlertsThresholdsListOrder
from .alerts_thresholds_list_sort import AlertsThresholdsListSort
from .alerts_thresholds_partial_update_response_200 import AlertsThresholdsPartialUpdateResponse200
from .alerts_thresholds_retrieve_response_200 import AlertsThresholdsRetrieveResponse200
from .alerts_thresholds_update_response_200 import AlertsThresholdsUpdateResponse200
from .alerts_timeline_list_response_200 import AlertsTimelineListResponse200
from .analytics import Analytics
from .ansible_executions_cancel_create_response_202 import AnsibleExecutionsCancelCreateResponse202
from .ansible_executions_retrieve_response_200 import AnsibleExecutionsRetrieveResponse200
from .ansible_playbooks_available_list_response_200 import AnsiblePlaybooksAvailableListResponse200
from .ansible_playbooks_execute_create_response_202 import AnsiblePlaybooksExecuteCreateResponse202
from .ansible_playbooks_list_order import AnsiblePlaybooksListOrder
from .ansible_playbooks_list_sort import AnsiblePlaybooksListSort
from .ansible_playbooks_list_status_item import AnsiblePlaybooksListStatusItem
from .api_key import APIKey
from .api_key_request import APIKeyRequest
from .api_keys_create_response_201 import ApiKeysCreateResponse201
from .api_keys_destroy_response_200 import ApiKeysDestroyResponse200
from .api_keys_list_order import ApiKeysListOrder
from .api_keys_list_sort import ApiKeysListSort
from .api_keys_me_list_order import ApiKeysMeListOrder
from .api_keys_me_list_sort import ApiKeysMeListSort
from .api_keys_partial_update_response_200 import ApiKeysPartialUpdateResponse200
from .api_keys_retrieve_response_200 import ApiKeysRetrieveResponse200
from .approval import Approval
from .approval_origin import ApprovalOrigin
from .approval_payload import ApprovalPayload
from .approval_policy import ApprovalPolicy
from .approval_result import ApprovalResult
from .approval_status_enum import ApprovalStatusEnum
from .approvals_approve_create_response_200 import ApprovalsApproveCreateResponse200
from .approvals_deny_create_response_200 import ApprovalsDenyCreateResponse200
from .approvals_list_kind_item import ApprovalsListKindItem
from .approvals_list_order import ApprovalsListOrder
from .approvals_list_sort import ApprovalsListSort
from .approvals_list_status_item import ApprovalsListStatusItem
from .approvals_policies_list_response_200 import ApprovalsPoliciesListResponse200
from .approvals_policies_update_response_200 import ApprovalsPoliciesUpdateResponse200
from .approvals_retrieve_response_200 import ApprovalsRetrieveResponse200
from .audit_log import AuditLog
from .audit_logs_list_action import AuditLogsListAction
from .audit_logs_list_order import AuditLogsListOrder
from .audit_logs_list_sort import AuditLogsListSort
from .audit_logs_list_via import AuditLogsListVia
from .audit_logs_retrieve_response_200 import AuditLogsRetrieveResponse200
from .auth_change_password_create_response_200 import AuthChangePasswordCreateResponse200
from .auth_login_create_response_200 import AuthLoginCreateResponse200
from .auth_me_retrieve_response_200 import AuthMeRetrieveResponse200
from .auth_me_update_response_200 import AuthMeUpdateResponse200
from .auth_refresh_create_response_200 import AuthRefreshCreateResponse200
from .auth_register_create_response_201 import AuthRegisterCreateResponse201
from .blank_enum import BlankEnum
from .catalog_entry import CatalogEntry
from .catalog_entry_kind_enum import CatalogEntryKindEnum
from .catalog_entry_tag_sets_item import CatalogEntryTagSetsItem
from .category_enum import CategoryEnum
from .change_password_request import ChangePasswordRequest
from .channel import Channel
from .channel_create_request import ChannelCreateRequest
from .channel_kind_enum import ChannelKindEnum
from .channel_summary import ChannelSummary
from .channel_summary_kind_enum import ChannelSummaryKindEnum
from .channel_test import ChannelTest
from .channel_update_request import ChannelUpdateRequest
from .chat_command import ChatCommand
from .chat_commands_list_response_200 import ChatCommandsListResponse200
from .chat_log import ChatLog
from .chat_message import ChatMessage
from .chat_message_data import ChatMessageData
from .chat_message_message_type_enum import ChatMessageMessageTypeEnum
from .chat_request_request import ChatRequestRequest
from .chat_response import ChatResponse
from .chat_room import ChatRoom
from .chat_user import ChatUser
from .chatbot_analytics import ChatbotAnalytics
from .chatbot_analytics_retrieve_response_200 import ChatbotAnalyticsRetrieveResponse200
from .chatbot_chat_create_response_200 import ChatbotChatCreateResponse200
from .chatbot_common_query import ChatbotCommonQuery
from .chatbot_faqs_create_response_201 import ChatbotFaqsCreateResponse201
from .chatbot_faqs_destroy_response_200 import ChatbotFaqsDestroyResponse200
from .chatbot_faqs_destroy_response_200_data_type_0 import ChatbotFaqsDestroyResponse200DataType0
from .chatbot_faqs_list_order import ChatbotFaqsListOrder
from .chatbot_faqs_list_sort import ChatbotFaqsListSort
from .chatbot_faqs_partial_update_response_200 import ChatbotFaqsPartialUpdateResponse200
from .chatbot_faqs_retrieve_response_200 import ChatbotFaqsRetrieveResponse200
from .chatbot_faqs_update_response_200 import ChatbotFaqsUpdateResponse200
from .chatbot_logs_list_order import ChatbotLogsListOrder
from .chatbot_logs_list_sort import ChatbotLogsListSort
from .client import Client
from .client_create_request import ClientCreateRequest
from .client_role_enum import ClientRoleEnum
from .client_self_update_request import ClientSelfUpdateRequest
from .client_update_request import ClientUpdateRequest
from .clients_create_response_201 import ClientsCreateResponse201
from .clients_destroy_response_200 import ClientsDestroyResponse200
from .clients_email_providers_retrieve_response_200 import ClientsEmailProvidersRetrieveResponse200
from .clients_email_providers_update_response_200 import ClientsEmailProvidersUpdateResponse200
from .clients_email_providers_validate_create_response_200 import ClientsEmailProvidersValidateCreateResponse200
from .clients_list_order import ClientsListOrder
from .clients_list_role import ClientsListRole
from .clients_list_sort import ClientsListSort
from .clients_me_retrieve_response_200 import ClientsMeRetrieveResponse200
from .clients_me_update_response_200 import ClientsMeUpdateResponse200
from .clients_retrieve_response_200 import ClientsRetrieveResponse200
from .clients_rotate_create_response_200 import ClientsRotateCreateResponse200
from .clients_update_response_200 import ClientsUpdateResponse200
from .cluster import Cluster
from .cluster_detail import ClusterDetail
from .cluster_write_request import ClusterWriteRequest
from .command_history import CommandHistory
from .command_history_kind_enum import CommandHistoryKindEnum
from .command_history_status_enum import CommandHistoryStatusEnum
from .command_request_request import CommandRequestRequest
from .commands_create_response_200 import CommandsCreateResponse200
from .commands_create_response_202 import CommandsCreateResponse202
from .commands_list_kind import CommandsListKind
from .commands_list_order import CommandsListOrder
from .commands_list_sort import CommandsListSort
from .commands_list_status import CommandsListStatus
from .commands_retrieve_response_200 import CommandsRetrieveResponse200
from .commit import Commit
from .container import Container
from .container_list import ContainerList
from .container_list_containers_item import ContainerListContainersItem
from .container_logs import ContainerLogs
from .created_api_key import CreatedAPIKey
from .created_client import CreatedClient
from .created_integration import CreatedIntegration
from .created_integration_environment_mapping import CreatedIntegrationEnvironmentMapping
from .created_user import CreatedUser
from .created_webhook import CreatedWebhook
from .custom_history import CustomHistory
from .custom_history_source_enum import CustomHistorySourceEnum
from .custom_history_tags import CustomHistoryTags
from .custom_metric import CustomMetric
from .custom_metric_batch_request import CustomMetricBatchRequest
from .custom_metric_request import CustomMetricRequest
from .custom_metric_request_tags import CustomMetricRequestTags
from .custom_metric_tags import CustomMetricTags
from .dashboard_health_retrieve_response_200 import DashboardHealthRetrieveResponse200
from .dashboard_logs_list_level import DashboardLogsListLevel
from .dashboard_logs_list_response_200 import DashboardLogsListResponse200
from .dashboard_metrics_retrieve_response_200 import DashboardMetricsRetrieveResponse200
from .day_counts import DayCounts
from .decision_request import DecisionRequest
from .delivery import Delivery
from .delivery_counts import DeliveryCounts
from .delivery_status_enum import DeliveryStatusEnum
from .delivery_time import DeliveryTime
from .delivery_verdict_enum import DeliveryVerdictEnum
from .dependency import Dependency
from .dependency_status_enum import DependencyStatusEnum
from .deployed_server import DeployedServer
from .deployment import Deployment
from .deployment_status_enum import DeploymentStatusEnum
from .deployments_list_order import DeploymentsListOrder
from .deployments_list_provider import DeploymentsListProvider
from .deployments_list_sort import DeploymentsListSort
from .deployments_list_status import DeploymentsListStatus
from .deployments_retrieve_response_200 import DeploymentsRetrieveResponse200
from .diagnostic import Diagnostic
from .directory_user import DirectoryUser
from .docker_containers_logs_retrieve_response_200 import DockerContainersLogsRetrieveResponse200
from .docker_containers_restart_create_response_200 import DockerContainersRestartCreateResponse200
from .docker_containers_restart_create_response_202 import DockerContainersRestartCreateResponse202
from .docker_containers_retrieve_live import DockerContainersRetrieveLive
from .docker_containers_retrieve_response_200 import DockerContainersRetrieveResponse200
from .docker_containers_start_create_response_200 import DockerContainersStartCreateResponse200
from .docker_containers_stop_create_response_200 import DockerContainersStopCreateResponse200
from .docker_containers_stop_create_response_202 import DockerContainersStopCreateResponse202
from .dora import Dora
from .dora_bucket import DoraBucket
from .dora_figures import DoraFigures
from .dora_retrieve_bucket import DoraRetrieveBucket
from .dora_retrieve_response_200 import DoraRetrieveResponse200
from .dora_service import DoraService
from .email_provider import EmailProvider
from .email_provider_credentials import EmailProviderCredentials
from .email_provider_options import EmailProviderOptions
from .email_provider_validate_request import EmailProviderValidateRequest
from .email_provider_validate_request_credentials import EmailProviderValidateRequestCredentials
from .email_provider_write_request import EmailProviderWriteRequest
from .email_provider_write_request_credentials import EmailProviderWriteRequestCredentials
from .error import Error
from .error_errors_item import ErrorErrorsItem
from .escalation_policies_create_response_201 import EscalationPoliciesCreateResponse201
from .escalation_policies_destroy_response_200 import EscalationPoliciesDestroyResponse200
from .escalation_policies_destroy_response_200_data_type_0 import EscalationPoliciesDestroyResponse200DataType0
from .escalation_policies_list_order import EscalationPoliciesListOrder
from .escalation_policies_list_sort import EscalationPoliciesListSort
from .escalation_policies_partial_update_response_200 import EscalationPoliciesPartialUpdateResponse200
from .escalation_policies_retrieve_response_200 import EscalationPoliciesRetrieveResponse200
from .escalation_policies_update_response_200 import EscalationPoliciesUpdateResponse200
from .escalation_policy import EscalationPolicy
from .escalation_policy_request import EscalationPolicyRequest
from .escalation_step import EscalationStep
from .escalation_step_request import EscalationStepRequest
from .events_enum import EventsEnum
from .execute_request import ExecuteRequest
from .execute_request_variables import ExecuteRequestVariables
from .execution import Execution
from .execution_detail import ExecutionDetail
from .execution_detail_host_stats import ExecutionDetailHostStats
from .execution_detail_variables import ExecutionDetailVariables
from .execution_started import ExecutionStarted
from .execution_started_skipped_hosts_item import ExecutionStartedSkippedHostsItem
from .faq import FAQ
from .faq_request import FAQRequest
from .faq_update_request import FAQUpdateRequest
from .fleet_alert import FleetAlert
from .fleet_health import FleetHealth
from .fleet_log import FleetLog
from .fleet_metrics import FleetMetrics
from .fleet_point import FleetPoint
from .fleet_ticket import FleetTicket
from .follow import Follow
from .follow_request import FollowRequest
from .format_enum import FormatEnum
from .group_by_enum import GroupByEnum
from .health import Health
from .health_retrieve_response_200 import HealthRetrieveResponse200
from .health_status_enum import HealthStatusEnum
from .history import History
from .history_point import HistoryPoint
from .history_source_enum import HistorySourceEnum
from .host_stats import HostStats
from .inbox_item import InboxItem
from .integration import Integration
from .integration_environment_mapping import IntegrationEnvironmentMapping
from .integration_request import IntegrationRequest
from .integration_request_environment_mapping import IntegrationRequestEnvironmentMapping
from .integrations_create_response_201 import IntegrationsCreateResponse201
from .integrations_deliveries_list_order import IntegrationsDeliveriesListOrder
from .integrations_deliveries_list_sort import IntegrationsDeliveriesListSort
from .integrations_deliveries_list_verdict import IntegrationsDeliveriesListVerdict
from .integrations_destroy_response_200 import IntegrationsDestroyResponse200
from .integrations_destroy_response_200_data_type_0 import IntegrationsDestroyResponse200DataType0
from .integrations_generic_create_response_202 import IntegrationsGenericCreateResponse202
from .integrations_github_create_response_202 import IntegrationsGithubCreateResponse202
from .integrations_gitlab_create_response_202 import IntegrationsGitlabCreateResponse202
from .integrations_list_order import IntegrationsListOrder
from .integrations_list_sort import IntegrationsListSort
from .integrations_partial_update_response_200 import IntegrationsPartialUpdateResponse200
from .integrations_retrieve_response_200 import IntegrationsRetrieveResponse200
from .integrations_update_response_200 import IntegrationsUpdateResponse200
from .invitation import Invitation
from .invitation_accept_request import InvitationAcceptRequest
from .kind_7b0_enum import Kind7B0Enum
from .kind_counts import KindCounts
from .kind_f7f_enum import KindF7FEnum
from .kinds_enum import KindsEnum
from .kubernetes_clusters_create_response_201 import KubernetesClustersCreateResponse201
from .kubernetes_clusters_list_order import KubernetesClustersListOrder
from .kubernetes_clusters_list_sort import KubernetesClustersListSort
from .kubernetes_clusters_partial_update_response_200 import KubernetesClustersPartialUpdateResponse200
from .kubernetes_clusters_restart_create_response_200 import KubernetesClustersRestartCreateResponse200
from .kubernetes_clusters_restart_create_response_202 import KubernetesClustersRestartCreateResponse202
from .kubernetes_clusters_retrieve_response_200 import KubernetesClustersRetrieveResponse200
from .label_enum import LabelEnum
from .last_delivery_status_enum import LastDeliveryStatusEnum
from .latest_sample import LatestSample
from .latest_sample_values import LatestSampleValues
from .least_role_enum import LeastRoleEnum
from .level_enum import LevelEnum
from .log_line import LogLine
from .login_request import LoginRequest
from .logs_list_level_item import LogsListLevelItem
from .logs_list_min_level import LogsListMinLevel
from .logs_list_order import LogsListOrder
from .logs_list_sort import LogsListSort
from .matcher import Matcher
from .matcher_request import MatcherRequest
from .member import Member
from .member_add_request import MemberAddRequest
from .member_role_enum import MemberRoleEnum
from .message_create_message_type_enum import MessageCreateMessageTypeEnum
from .message_create_request import MessageCreateRequest
from .message_edit import MessageEdit
from .message_edit_request_request import MessageEditRequestRequest
from .messages_create_response_201 import MessagesCreateResponse201
from .messages_destroy_response_200 import MessagesDestroyResponse200
from .messages_destroy_response_200_data_type_0 import MessagesDestroyResponse200DataType0
from .messages_edits_list_response_200 import MessagesEditsListResponse200
from .messages_list_message_type import MessagesListMessageType
from .messages_list_order import MessagesListOrder
from .messages_list_sort import MessagesListSort
from .messages_retrieve_response_200 import MessagesRetrieveResponse200
from .messages_update_response_200 import MessagesUpdateResponse200
from .metrics_catalog_list_response_200 import MetricsCatalogListResponse200
from .metrics_create_response_201 import MetricsCreateResponse201
from .metrics_custom_history_retrieve_response_200 import MetricsCustomHistoryRetrieveResponse200
from .metrics_history_retrieve_response_200 import MetricsHistoryRetrieveResponse200
from .metrics_list_order import MetricsListOrder
from .metrics_list_sort import MetricsListSort
from .metrics_recent_list_response_200 import MetricsRecentListResponse200
from .metrics_retrieve_response_200 import MetricsRetrieveResponse200
from .mode_enum import ModeEnum
from .my_room import MyRoom
from .named import Named
from .node import Node
from .notification import Notification
from .notification_brief import NotificationBrief
from .notification_channels_create_response_201 import NotificationChannelsCreateResponse201
from .notification_channels_destroy_response_200 import NotificationChannelsDestroyResponse200
from .notification_channels_destroy_response_200_data_type_0 import NotificationChannelsDestroyResponse200DataType0
from .notification_channels_list_kind import NotificationChannelsListKind
from .notification_channels_list_order import NotificationChannelsListOrder
from .notification_channels_list_sort import NotificationChannelsListSort
from .notification_channels_partial_update_response_200 import NotificationChannelsPartialUpdateResponse200
from .notification_channels_retrieve_response_200 import NotificationChannelsRetrieveResponse200
from .notification_channels_test_create_response_200 import NotificationChannelsTestCreateResponse200
from .notification_channels_update_response_200 import NotificationChannelsUpdateResponse200
from .notification_create_request import NotificationCreateRequest
from .notification_delivery import NotificationDelivery
from .notification_detail import NotificationDetail
from .notification_detail_recipients import NotificationDetailRecipients
from .notification_detail_recipients_targets import NotificationDetailRecipientsTargets
from .notification_recipients import NotificationRecipients
from .notification_recipients_targets import NotificationRecipientsTargets
from .notification_status_enum import NotificationStatusEnum
from .notifications_analytics_retrieve_response_200 import NotificationsAnalyticsRetrieveResponse200
from .notifications_create_response_201 import NotificationsCreateResponse201
from .notifications_inbox_read_all_create_response_200 import NotificationsInboxReadAllCreateResponse200
from .notifications_inbox_read_create_response_200 import NotificationsInboxReadCreateResponse200
from .notifications_list_order import NotificationsListOrder
from .notifications_list_severity import NotificationsListSeverity
from .notifications_list_sort import NotificationsListSort
from .notifications_list_status import NotificationsListStatus
from .notifications_preferences_retrieve_response_200 import NotificationsPreferencesRetrieveResponse200
from .notifications_preferences_update_response_200 import NotificationsPreferencesUpdateResponse200
from .notifications_retrieve_response_200 import NotificationsRetrieveResponse200
from .op_enum import OpEnum
from .operator_enum import OperatorEnum
from .options_request import OptionsRequest
from .paginated_alert_list import PaginatedAlertList
from .paginated_alert_route_list import PaginatedAlertRouteList
from .paginated_api_key_list import PaginatedAPIKeyList
from .paginated_approval_list import PaginatedApprovalList
from .paginated_audit_log_list import PaginatedAuditLogList
from .paginated_channel_list import PaginatedChannelList
from .paginated_chat_log_list import PaginatedChatLogList
from .paginated_chat_message_list import PaginatedChatMessageList
from .paginated_chat_message_list_pagination import PaginatedChatMessageListPagination
from .paginated_chat_room_list import PaginatedChatRoomList
from .paginated_client_list import PaginatedClientList
from .paginated_cluster_list import PaginatedClusterList
from .paginated_command_history_list import PaginatedCommandHistoryList
from .paginated_custom_metric_list import PaginatedCustomMetricList
from .paginated_delivery_list import PaginatedDeliveryList
from .paginated_deployment_list import PaginatedDeploymentList
from .paginated_escalation_policy_list import PaginatedEscalationPolicyList
from .paginated_execution_list import PaginatedExecutionList
from .paginated_faq_list import PaginatedFAQList
from .paginated_follow_list import PaginatedFollowList
from .paginated_inbox_item_list import PaginatedInboxItemList
from .paginated_integration_list import PaginatedIntegrationList
from .paginated_log_line_list import PaginatedLogLineList
from .paginated_member_list import PaginatedMemberList
from .paginated_my_room_list import PaginatedMyRoomList
from .paginated_node_list import PaginatedNodeList
from .paginated_notification_list import PaginatedNotificationList
from .paginated_pipeline_list import PaginatedPipelineList
from .paginated_pod_list import PaginatedPodList
from .paginated_server_list import PaginatedServerList
from .paginated_silence_list import PaginatedSilenceList
from .paginated_team_list import PaginatedTeamList
from .paginated_team_member_list import PaginatedTeamMemberList
from .paginated_threshold_list import PaginatedThresholdList
from .paginated_ticket_list import PaginatedTicketList
from .paginated_user_or_directory_entry_list import PaginatedUserOrDirectoryEntryList
from .paginated_webhook_list import PaginatedWebhookList
from .pagination import Pagination
from .patched_alert_route_request import PatchedAlertRouteRequest
from .patched_api_key_update_request import PatchedAPIKeyUpdateRequest
from .patched_channel_update_request import PatchedChannelUpdateRequest
from .patched_cluster_update_request import PatchedClusterUpdateRequest
from .patched_escalation_policy_request import PatchedEscalationPolicyRequest
from .patched_faq_update_request import PatchedFAQUpdateRequest
from .patched_integration_request import PatchedIntegrationRequest
from .patched_integration_request_environment_mapping import PatchedIntegrationRequestEnvironmentMapping
from .patched_room_write_request import PatchedRoomWriteRequest
from .patched_server_request import PatchedServerRequest
from .patched_silence_request import PatchedSilenceRequest
from .patched_team_write_request import PatchedTeamWriteRequest
from .patched_threshold_request import PatchedThresholdRequest
from .patched_ticket_update_request import PatchedTicketUpdateRequest
from .patched_webhook_request import PatchedWebhookRequest
from .pipeline import Pipeline
from .pipeline_detail import PipelineDetail
from .pipeline_follows_create_response_201 import PipelineFollowsCreateResponse201
from .pipeline_follows_destroy_response_200 import PipelineFollowsDestroyResponse200
from .pipeline_follows_destroy_response_200_data_type_0 import PipelineFollowsDestroyResponse200DataType0
from .pipeline_follows_list_order import PipelineFollowsListOrder
from .pipeline_follows_list_sort import PipelineFollowsListSort
from .pipelines_list_order import PipelinesListOrder
from .pipelines_list_provider import PipelinesListProvider
from .pipelines_list_sort import PipelinesListSort
from .pipelines_list_status import PipelinesListStatus
from .pipelines_retrieve_response_200 import PipelinesRetrieveResponse200
from .playbook import Playbook
from .pod import Pod
from .policy_change_request import PolicyChangeRequest
from .preference import Preference
from .preference_request import PreferenceRequest
from .priority_enum import PriorityEnum
from .profile_request import ProfileRequest
from .provider_3a4_enum import Provider3A4Enum
from .provider_8d1_enum import Provider8D1Enum
from .read_all import ReadAll
from .read_marker import ReadMarker
from .read_request import ReadRequest
from .receipt import Receipt
from .receipt_verdict_enum import ReceiptVerdictEnum
from .recent import Recent
from .recent_point import RecentPoint
from .recipients_request import RecipientsRequest
from .refresh_request import RefreshRequest
from .register_request import RegisterRequest
from .requested_via_enum import RequestedViaEnum
from .restart_request_request import RestartRequestRequest
from .role_7b5_enum import Role7B5Enum
from .rollout_restart import RolloutRestart
from .rollout_restart_status_enum import RolloutRestartStatusEnum
from .room_write_request import RoomWriteRequest
from .rooms_alert_subscriptions_retrieve_response_200 import RoomsAlertSubscriptionsRetrieveResponse200
from .rooms_alert_subscriptions_update_response_200 import RoomsAlertSubscriptionsUpdateResponse200
from .rooms_all_list_order import RoomsAllListOrder
from .rooms_all_list_sort import RoomsAllListSort
from .rooms_create_response_201 import RoomsCreateResponse201
from .rooms_destroy_response_200 import RoomsDestroyResponse200
from .rooms_destroy_response_200_data_type_0 import RoomsDestroyResponse200DataType0
from .rooms_join_create_response_200 import RoomsJoinCreateResponse200
from .rooms_leave_create_response_200 import RoomsLeaveCreateResponse200
from .rooms_list_order import RoomsListOrder
from .rooms_list_sort import RoomsListSort
from .rooms_members_create_response_201 import RoomsMembersCreateResponse201
from .rooms_partial_update_response_200 import RoomsPartialUpdateResponse200
from .rooms_read_create_response_200 import RoomsReadCreateResponse200
from .rooms_retrieve_response_200 import RoomsRetrieveResponse200
from .rooms_update_response_200 import RoomsUpdateResponse200
from .sample import Sample
from .sample_phases import SamplePhases
from .scope_enum import ScopeEnum
from .scopes_enum import ScopesEnum
from .security_enum import SecurityEnum
from .server import Server
from .server_mapping import ServerMapping
from .server_mapping_request import ServerMappingRequest
from .server_request import ServerRequest
from .server_status_enum import ServerStatusEnum
from .servers_create_response_201 import ServersCreateResponse201
from .servers_destroy_response_200 import ServersDestroyResponse200
from .servers_destroy_response_200_data_type_0 import ServersDestroyResponse200DataType0
from .servers_list_order import ServersListOrder
from .servers_list_sort import ServersListSort
from .servers_list_status import ServersListStatus
from .servers_partial_update_response_200 import ServersPartialUpdateResponse200
from .servers_retrieve_response_200 import ServersRetrieveResponse200
from .servers_update_response_200 import ServersUpdateResponse200
from .severity_enum import SeverityEnum
from .silence import Silence
from .silence_request import SilenceRequest
from .silences_create_response_201 import SilencesCreateResponse201
from .silences_destroy_response_200 import SilencesDestroyResponse200
from .silences_list_order import SilencesListOrder
from .silences_list_sort import SilencesListSort
from .silences_list_state_item import SilencesListStateItem
from .silences_partial_update_response_200 import SilencesPartialUpdateResponse200
from .silences_retrieve_response_200 import SilencesRetrieveResponse200
from .silences_update_response_200 import SilencesUpdateResponse200
from .skipped_host import SkippedHost
from .sla_state_enum import SlaStateEnum
from .stage import Stage
from .state_enum import StateEnum
from .status_200_enum import Status200Enum
from .status_2_cf_enum import Status2CfEnum
from .status_917_enum import Status917Enum
from .status_952_enum import Status952Enum
from .status_counts import StatusCounts
from .step import Step
from .step_enum import StepEnum
from .task_result import TaskResult
from .task_result_status_enum import TaskResultStatusEnum
from .team import Team
from .team_brief import TeamBrief
from .team_member import TeamMember
from .team_member_add_request import TeamMemberAddRequest
from .team_write_request import TeamWriteRequest
from .teams_create_response_201 import TeamsCreateResponse201
from .teams_destroy_response_200 import TeamsDestroyResponse200
from .teams_destroy_response_200_data_type_0 import TeamsDestroyResponse200DataType0
from .teams_list_order import TeamsListOrder
from .teams_list_sort import TeamsListSort
from .teams_members_create_response_200 import TeamsMembersCreateResponse200
from .teams_members_create_response_201 import TeamsMembersCreateResponse201
from .teams_members_destroy_response_200 import TeamsMembersDestroyResponse200
from .teams_members_destroy_response_200_data_type_0 import TeamsMembersDestroyResponse200DataType0
from .teams_partial_update_response_200 import TeamsPartialUpdateResponse200
from .teams_retrieve_response_200 import TeamsRetrieveResponse200
from .teams_update_response_200 import TeamsUpdateResponse200
from .threshold import Threshold
from .threshold_request import ThresholdRequest
from .ticket import Ticket
from .ticket_analytics import TicketAnalytics
from .ticket_analytics_category_counts import TicketAnalyticsCategoryCounts
from .ticket_analytics_priority_counts import TicketAnalyticsPriorityCounts
from .ticket_analytics_status_counts import TicketAnalyticsStatusCounts
from .ticket_comment import TicketComment
from .ticket_comment_request import TicketCommentRequest
from .ticket_create_request import TicketCreateRequest
from .ticket_day import TicketDay
from .ticket_event import TicketEvent
from .ticket_sla_summary import TicketSLASummary
from .ticket_sla_summary_by_state import TicketSLASummaryByState
from .ticket_source_enum import TicketSourceEnum
from .ticket_update_request import TicketUpdateRequest
from .tickets_analytics_summary_retrieve_response_200 import TicketsAnalyticsSummaryRetrieveResponse200
from .tickets_comments_create_response_201 import TicketsCommentsCreateResponse201
from .tickets_comments_list_response_200 import TicketsCommentsListResponse200
from .tickets_create_response_201 import TicketsCreateResponse201
from .tickets_destroy_response_200 import TicketsDestroyResponse200
from .tickets_destroy_response_200_data_type_0 import TicketsDestroyResponse200DataType0
from .tickets_list_category_item import TicketsListCategoryItem
from .tickets_list_order import TicketsListOrder
from .tickets_list_priority_item import TicketsListPriorityItem
from .tickets_list_sla_state import TicketsListSlaState
from .tickets_list_sort import TicketsListSort
from .tickets_list_source import TicketsListSource
from .tickets_list_status_item import TicketsListStatusItem
from .tickets_partial_update_response_200 import TicketsPartialUpdateResponse200
from .tickets_retrieve_response_200 import TicketsRetrieveResponse200
from .tickets_timeline_list_response_200 import TicketsTimelineListResponse200
from .tickets_update_response_200 import TicketsUpdateResponse200
from .timeline_delivery import TimelineDelivery
from .timeline_entry import TimelineEntry
from .timeline_entry_type_enum import TimelineEntryTypeEnum
from .timeline_notification import TimelineNotification
from .timezone_enum import TimezoneEnum
from .token_pair import TokenPair
from .type_counts import TypeCounts
from .user import User
from .user_create_request import UserCreateRequest
from .user_summary import UserSummary
from .user_update_request import UserUpdateRequest
from .users_create_response_201 import UsersCreateResponse201
from .users_destroy_response_200 import UsersDestroyResponse200
from .users_invitation_create_response_201 import UsersInvitationCreateResponse201
from .users_invitations_accept_create_response_200 import UsersInvitationsAcceptCreateResponse200
from .users_list_order import UsersListOrder
from .users_list_role import UsersListRole
from .users_list_sort import UsersListSort
from .users_retrieve_response_200 import UsersRetrieveResponse200
from .users_update_response_200 import UsersUpdateResponse200
from .validation_report import ValidationReport
from .variable import Variable
from .variable_type_enum import VariableTypeEnum
from .via_enum import ViaEnum
from .webhook import Webhook
from .webhook_request import WebhookRequest
from .webhooks_create_response_201 import WebhooksCreateResponse201
from .webhooks_deliveries_list_event import WebhooksDeliveriesListEvent
from .webhooks_deliveries_list_order import WebhooksDeliveriesListOrder
from .webhooks_deliveries_list_sort import WebhooksDeliveriesListSort
from .webhooks_deliveries_list_status import WebhooksDeliveriesListStatus
from .webhooks_destroy_response_200 import WebhooksDestroyResponse200
from .webhooks_destroy_response_200_data_type_0 import WebhooksDestroyResponse200DataType0
from .webhooks_list_order import WebhooksListOrder
from .webhooks_list_sort import WebhooksListSort
from .webhooks_partial_update_response_200 import WebhooksPartialUpdateResponse200
from .webhooks_retrieve_response_200 import WebhooksRetrieveResponse200
from .webhooks_test_create_response_202 import WebhooksTestCreateResponse202
from .webhooks_update_response_200 import WebhooksUpdateResponse200

__all__ = (
    "Accepted",
    "AdminUser",
    "Alert",
    "AlertActionRequest",
    "AlertRoute",
    "AlertRouteRequest",
    "AlertRoutesCreateResponse201",
    "AlertRoutesDestroyResponse200",
    "AlertRoutesDestroyResponse200DataType0",
    "AlertRoutesListOrder",
    "AlertRoutesListSort",
    "AlertRoutesPartialUpdateResponse200",
    "AlertRoutesRetrieveResponse200",
    "AlertRoutesUpdateResponse200",
    "AlertsAcknowledgeCreateResponse200",
    "AlertsListKind",
    "AlertsListOrder",
    "AlertsListSeverityItem",
    "AlertsListSort",
    "AlertsListStatusItem",
    "AlertsResolveCreateResponse200",
    "AlertsRetrieveResponse200",
    "AlertStatusEnum",
    "AlertsThresholdsCreateResponse201",
    "AlertsThresholdsDestroyResponse200",
    "AlertsThresholdsDestroyResponse200DataType0",
    "AlertsThresholdsListOrder",
    "AlertsThresholdsListSort",
    "AlertsThresholdsPartialUpdateResponse200",
    "AlertsThresholdsRetrieveResponse200",
    "AlertsThresholdsUpdateResponse200",
    "AlertsTimelineListResponse200",
    "AlertSubscription",
    "AlertSubscriptionRequest",
    "AlertSubscriptions",
    "AlertSubscriptionsRequest",
    "Analytics",
    "AnsibleExecutionsCancelCreateResponse202",
    "AnsibleExecutionsRetrieveResponse200",
    "AnsiblePlaybooksAvailableListResponse200",
    "AnsiblePlaybooksExecuteCreateResponse202",
    "AnsiblePlaybooksListOrder",
    "AnsiblePlaybooksListSort",
    "AnsiblePlaybooksListStatusItem",
    "APIKey",
    "APIKeyRequest",
    "ApiKeysCreateResponse201",
    "ApiKeysDestroyResponse200",
    "ApiKeysListOrder",
    "ApiKeysListSort",
    "ApiKeysMeListOrder",
    "ApiKeysMeListSort",
    "ApiKeysPartialUpdateResponse200",
    "ApiKeysRetrieveResponse200",
    "Approval",
    "ApprovalOrigin",
    "ApprovalPayload",
    "ApprovalPolicy",
    "ApprovalResult",
    "ApprovalsApproveCreateResponse200",
    "ApprovalsDenyCreateResponse200",
    "ApprovalsListKindItem",
    "ApprovalsListOrder",
    "ApprovalsListSort",
    "ApprovalsListStatusItem",
    "ApprovalsPoliciesListResponse200",
    "ApprovalsPoliciesUpdateResponse200",
    "ApprovalsRetrieveResponse200",
    "ApprovalStatusEnum",
    "AuditLog",
    "AuditLogsListAction",
    "AuditLogsListOrder",
    "AuditLogsListSort",
    "AuditLogsListVia",
    "AuditLogsRetrieveResponse200",
    "AuthChangePasswordCreateResponse200",
    "AuthLoginCreateResponse200",
    "AuthMeRetrieveResponse200",
    "AuthMeUpdateResponse200",
    "AuthRefreshCreateResponse200",
    "AuthRegisterCreateResponse201",
    "BlankEnum",
    "CatalogEntry",
    "CatalogEntryKindEnum",
    "CatalogEntryTagSetsItem",
    "CategoryEnum",
    "ChangePasswordRequest",
    "Channel",
    "ChannelCreateRequest",
    "ChannelKindEnum",
    "ChannelSummary",
    "ChannelSummaryKindEnum",
    "ChannelTest",
    "ChannelUpdateRequest",
    "ChatbotAnalytics",
    "ChatbotAnalyticsRetrieveResponse200",
    "ChatbotChatCreateResponse200",
    "ChatbotCommonQuery",
    "ChatbotFaqsCreateResponse201",
    "ChatbotFaqsDestroyResponse200",
    "ChatbotFaqsDestroyResponse200DataType0",
    "ChatbotFaqsListOrder",
    "ChatbotFaqsListSort",
    "ChatbotFaqsPartialUpdateResponse200",
    "ChatbotFaqsRetrieveResponse200",
    "ChatbotFaqsUpdateResponse200",
    "ChatbotLogsListOrder",
    "ChatbotLogsListSort",
    "ChatCommand",
    "ChatCommandsListResponse200",
    "ChatLog",
    "ChatMessage",
    "ChatMessageData",
    "ChatMessageMessageTypeEnum",
    "ChatRequestRequest",
    "ChatResponse",
    "ChatRoom",
    "ChatUser",
    "Client",
    "ClientCreateRequest",
    "ClientRoleEnum",
    "ClientsCreateResponse201",
    "ClientsDestroyResponse200",
    "ClientSelfUpdateRequest",
    "ClientsEmailProvidersRetrieveResponse200",
    "ClientsEmailProvidersUpdateResponse200",
    "ClientsEmailProvidersValidateCreateResponse200",
    "ClientsListOrder",
    "ClientsListRole",
    "ClientsListSort",
    "ClientsMeRetrieveResponse200",
    "ClientsMeUpdateResponse200",
    "ClientsRetrieveResponse200",
    "ClientsRotateCreateResponse200",
    "ClientsUpdateResponse200",
    "ClientUpdateRequest",
    "Cluster",
    "ClusterDetail",
    "ClusterWriteRequest",
    "CommandHistory",
    "CommandHistoryKindEnum",
    "CommandHistoryStatusEnum",
    "CommandRequestRequest",
    "CommandsCreateResponse200",
    "CommandsCreateResponse202",
    "CommandsListKind",
    "CommandsListOrder",
    "CommandsListSort",
    "CommandsListStatus",
    "CommandsRetrieveResponse200",
    "Commit",
    "Container",
    "ContainerList",
    "ContainerListContainersItem",
    "ContainerLogs",
    "CreatedAPIKey",
    "CreatedClient",
    "CreatedIntegration",
    "CreatedIntegrationEnvironmentMapping",
    "CreatedUser",
    "CreatedWebhook",
    "CustomHistory",
    "CustomHistorySourceEnum",
    "CustomHistoryTags",
    "CustomMetric",
    "CustomMetricBatchRequest",
    "CustomMetricRequest",
    "CustomMetricRequestTags",
    "CustomMetricTags",
    "DashboardHealthRetrieveResponse200",
    "DashboardLogsListLevel",
    "DashboardLogsListResponse200",
    "DashboardMetricsRetrieveResponse200",
    "DayCounts",
    "DecisionRequest",
    "Delivery",
    "DeliveryCounts",
    "DeliveryStatusEnum",
    "DeliveryTime",
    "DeliveryVerdictEnum",
    "Dependency",
    "DependencyStatusEnum",
    "DeployedServer",
    "Deployment",
    "DeploymentsListOrder",
    "DeploymentsListProvider",
    "DeploymentsListSort",
    "DeploymentsListStatus",
    "DeploymentsRetrieveResponse200",
    "DeploymentStatusEnum",
    "Diagnostic",
    "DirectoryUser",
    "DockerContainersLogsRetrieveResponse200",
    "DockerContainersRestartCreateResponse200",
    "DockerContainersRestartCreateResponse202",
    "DockerContainersRetrieveLive",
    "DockerContainersRetrieveResponse200",
    "DockerContainersStartCreateResponse200",
    "DockerContainersStopCreateResponse200",
    "DockerContainersStopCreateResponse202",
    "Dora",
    "DoraBucket",
    "DoraFigures",
    "DoraRetrieveBucket",
    "DoraRetrieveResponse200",
    "DoraService",
    "EmailProvider",
    "EmailProviderCredentials",
    "EmailProviderOptions",
    "EmailProviderValidateRequest",
    "EmailProviderValidateRequestCredentials",
    "EmailProviderWriteRequest",
    "EmailProviderWriteRequestCredentials",
    "Error",
    "ErrorErrorsItem",
    "EscalationPoliciesCreateResponse201",
    "EscalationPoliciesDestroyResponse200",
    "EscalationPoliciesDestroyResponse200DataType0",
    "EscalationPoliciesListOrder",
    "EscalationPoliciesListSort",
    "EscalationPoliciesPartialUpdateResponse200",
    "EscalationPoliciesRetrieveResponse200",
    "EscalationPoliciesUpdateResponse200",
    "EscalationPolicy",
    "EscalationPolicyRequest",
    "EscalationStep",
    "EscalationStepRequest",
    "EventsEnum",
    "ExecuteRequest",
    "ExecuteRequestVariables",
    "Execution",
    "ExecutionDetail",
    "ExecutionDetailHostStats",
    "ExecutionDetailVariables",
    "ExecutionStarted",
    "ExecutionStartedSkippedHostsItem",
    "FAQ",
    "FAQRequest",
    "FAQUpdateRequest",
    "FleetAlert",
    "FleetHealth",
    "FleetLog",
    "FleetMetrics",
    "FleetPoint",
    "FleetTicket",
    "Follow",
    "FollowRequest",
    "FormatEnum",
    "GroupByEnum",
    "Health",
    "HealthRetrieveResponse200",
    "HealthStatusEnum",
    "History",
    "HistoryPoint",
    "HistorySourceEnum",
    "HostStats",
    "InboxItem",
    "Integration",
    "IntegrationEnvironmentMapping",
    "IntegrationRequest",
    "IntegrationRequestEnvironmentMapping",
    "IntegrationsCreateResponse201",
    "IntegrationsDeliveriesListOrder",
    "IntegrationsDeliveriesListSort",
    "IntegrationsDeliveriesListVerdict",
    "IntegrationsDestroyResponse200",
    "IntegrationsDestroyResponse200DataType0",
    "IntegrationsGenericCreateResponse202",
    "IntegrationsGithubCreateResponse202",
    "IntegrationsGitlabCreateResponse202",
    "IntegrationsListOrder",
    "IntegrationsListSort",
    "IntegrationsPartialUpdateResponse200",
    "IntegrationsRetrieveResponse200",
    "IntegrationsUpdateResponse200",
    "Invitation",
    "InvitationAcceptRequest",
    "Kind7B0Enum",
    "KindCounts",
    "KindF7FEnum",
    "KindsEnum",
    "KubernetesClustersCreateResponse201",
    "KubernetesClustersListOrder",
    "KubernetesClustersListSort",
    "KubernetesClustersPartialUpdateResponse200",
    "KubernetesClustersRestartCreateResponse200",
    "KubernetesClustersRestartCreateResponse202",
    "KubernetesClustersRetrieveResponse200",
    "LabelEnum",
    "LastDeliveryStatusEnum",
    "LatestSample",
    "LatestSampleValues",
    "LeastRoleEnum",
    "LevelEnum",
    "LoginRequest",
    "LogLine",
    "LogsListLevelItem",
    "LogsListMinLevel",
    "LogsListOrder",
    "LogsListSort",
    "Matcher",
    "MatcherRequest",
    "Member",
    "MemberAddRequest",
    "MemberRoleEnum",
    "MessageCreateMessageTypeEnum",
    "MessageCreateRequest",
    "MessageEdit",
    "MessageEditRequestRequest",
    "MessagesCreateResponse201",
    "MessagesDestroyResponse200",
    "MessagesDestroyResponse200DataType0",
    "MessagesEditsListResponse200",
    "MessagesListMessageType",
    "MessagesListOrder",
    "MessagesListSort",
    "MessagesRetrieveResponse200",
    "MessagesUpdateResponse200",
    "MetricsCatalogListResponse200",
    "MetricsCreateResponse201",
    "MetricsCustomHistoryRetrieveResponse200",
    "MetricsHistoryRetrieveResponse200",
    "MetricsListOrder",
    "MetricsListSort",
    "MetricsRecentListResponse200",
    "MetricsRetrieveResponse200",
    "ModeEnum",
    "MyRoom",
    "Named",
    "Node",
    "Notification",
    "NotificationBrief",
    "NotificationChannelsCreateResponse201",
    "NotificationChannelsDestroyResponse200",
    "NotificationChannelsDestroyResponse200DataType0",
    "NotificationChannelsListKind",
    "NotificationChannelsListOrder",
    "NotificationChannelsListSort",
    "NotificationChannelsPartialUpdateResponse200",
    "NotificationChannelsRetrieveResponse200",
    "NotificationChannelsTestCreateResponse200",
    "NotificationChannelsUpdateResponse200",
    "NotificationCreateRequest",
    "NotificationDelivery",
    "NotificationDetail",
    "NotificationDetailRecipients",
    "NotificationDetailRecipientsTargets",
    "NotificationRecipients",
    "NotificationRecipientsTargets",
    "NotificationsAnalyticsRetrieveResponse200",
    "NotificationsCreateResponse201",
    "NotificationsInboxReadAllCreateResponse200",
    "NotificationsInboxReadCreateResponse200",
    "NotificationsListOrder",
    "NotificationsListSeverity",
    "NotificationsListSort",
    "NotificationsListStatus",
    "NotificationsPreferencesRetrieveResponse200",
    "NotificationsPreferencesUpdateResponse200",
    "NotificationsRetrieveResponse200",
    "NotificationStatusEnum",
    "OpEnum",
    "OperatorEnum",
    "OptionsRequest",
    "PaginatedAlertList",
    "PaginatedAlertRouteList",
    "PaginatedAPIKeyList",
    "PaginatedApprovalList",
    "PaginatedAuditLogList",
    "PaginatedChannelList",
    "PaginatedChatLogList",
    "PaginatedChatMessageList",
    "PaginatedChatMessageListPagination",
    "PaginatedChatRoomList",
    "PaginatedClientList",
    "PaginatedClusterList",
    "PaginatedCommandHistoryList",
    "PaginatedCustomMetricList",
    "PaginatedDeliveryList",
    "PaginatedDeploymentList",
    "PaginatedEscalationPolicyList",
    "PaginatedExecutionList",
    "PaginatedFAQList",
    "PaginatedFollowList",
    "PaginatedInboxItemList",
    "PaginatedIntegrationList",
    "PaginatedLogLineList",
    "PaginatedMemberList",
    "PaginatedMyRoomList",
    "PaginatedNodeList",
    "PaginatedNotificationList",
    "PaginatedPipelineList",
    "PaginatedPodList",
    "PaginatedServerList",
    "PaginatedSilenceList",
    "PaginatedTeamList",
    "PaginatedTeamMemberList",
    "PaginatedThresholdList",
    "PaginatedTicketList",
    "PaginatedUserOrDirectoryEntryList",
    "PaginatedWebhookList",
    "Pagination",
    "PatchedAlertRouteRequest",
    "PatchedAPIKeyUpdateRequest",
    "PatchedChannelUpdateRequest",
    "PatchedClusterUpdateRequest",
    "PatchedEscalationPolicyRequest",
    "PatchedFAQUpdateRequest",
    "PatchedIntegrationRequest",
    "PatchedIntegrationRequestEnvironmentMapping",
    "PatchedRoomWriteRequest",
    "PatchedServerRequest",
    "PatchedSilenceRequest",
    "PatchedTeamWriteRequest",
    "PatchedThresholdRequest",
    "PatchedTicketUpdateRequest",
    "PatchedWebhookRequest",
    "Pipeline",
    "PipelineDetail",
    "PipelineFollowsCreateResponse201",
    "PipelineFollowsDestroyResponse200",
    "PipelineFollowsDestroyResponse200DataType0",
    "PipelineFollowsListOrder",
    "PipelineFollowsListSort",
    "PipelinesListOrder",
    "PipelinesListProvider",
    "PipelinesListSort",
    "PipelinesListStatus",
    "PipelinesRetrieveResponse200",
    "Playbook",
    "Pod",
    "PolicyChangeRequest",
    "Preference",
    "PreferenceRequest",
    "PriorityEnum",
    "ProfileRequest",
    "Provider3A4Enum",
    "Provider8D1Enum",
    "ReadAll",
    "ReadMarker",
    "ReadRequest",
    "Receipt",
    "ReceiptVerdictEnum",
    "Recent",
    "RecentPoint",
    "RecipientsRequest",
    "RefreshRequest",
    "RegisterRequest",
    "RequestedViaEnum",
    "RestartRequestRequest",
    "Role7B5Enum",
    "RolloutRestart",
    "RolloutRestartStatusEnum",
    "RoomsAlertSubscriptionsRetrieveResponse200",
    "RoomsAlertSubscriptionsUpdateResponse200",
    "RoomsAllListOrder",
    "RoomsAllListSort",
    "RoomsCreateResponse201",
    "RoomsDestroyResponse200",
    "RoomsDestroyResponse200DataType0",
    "RoomsJoinCreateResponse200",
    "RoomsLeaveCreateResponse200",
    "RoomsListOrder",
    "RoomsListSort",
    "RoomsMembersCreateResponse201",
    "RoomsPartialUpdateResponse200",
    "RoomsReadCreateResponse200",
    "RoomsRetrieveResponse200",
    "RoomsUpdateResponse200",
    "RoomWriteRequest",
    "Sample",
    "SamplePhases",
    "ScopeEnum",
    "ScopesEnum",
    "SecurityEnum",
    "Server",
    "ServerMapping",
    "ServerMappingRequest",
    "ServerRequest",
    "ServersCreateResponse201",
    "ServersDestroyResponse200",
    "ServersDestroyResponse200DataType0",
    "ServersListOrder",
    "ServersListSort",
    "ServersListStatus",
    "ServersPartialUpdateResponse200",
    "ServersRetrieveResponse200",
    "ServerStatusEnum",
    "ServersUpdateResponse200",
    "SeverityEnum",
    "Silence",
    "SilenceRequest",
    "SilencesCreateResponse201",
    "SilencesDestroyResponse200",
    "SilencesListOrder",
    "SilencesListSort",
    "SilencesListStateItem",
    "SilencesPartialUpdateResponse200",
    "SilencesRetrieveResponse200",
    "SilencesUpdateResponse200",
    "SkippedHost",
    "SlaStateEnum",
    "Stage",
    "StateEnum",
    "Status200Enum",
    "Status2CfEnum",
    "Status917Enum",
    "Status952Enum",
    "StatusCounts",
    "Step",
    "StepEnum",
    "TaskResult",
    "TaskResultStatusEnum",
    "Team",
    "TeamBrief",
    "TeamMember",
    "TeamMemberAddRequest",
    "TeamsCreateResponse201",
    "TeamsDestroyResponse200",
    "TeamsDestroyResponse200DataType0",
    "TeamsListOrder",
    "TeamsListSort",
    "TeamsMembersCreateResponse200",
    "TeamsMembersCreateResponse201",
    "TeamsMembersDestroyResponse200",
    "TeamsMembersDestroyResponse200DataType0",
    "TeamsPartialUpdateResponse200",
    "TeamsRetrieveResponse200",
    "TeamsUpdateResponse200",
    "TeamWriteRequest",
    "Threshold",
    "ThresholdRequest",
    "Ticket",
    "TicketAnalytics",
    "TicketAnalyticsCategoryCounts",
    "TicketAnalyticsPriorityCounts",
    "TicketAnalyticsStatusCounts",
    "TicketComment",
    "TicketCommentRequest",
    "TicketCreateRequest",
    "TicketDay",
    "TicketEvent",
    "TicketsAnalyticsSummaryRetrieveResponse200",
    "TicketsCommentsCreateResponse201",
    "TicketsCommentsListResponse200",
    "TicketsCreateResponse201",
    "TicketsDestroyResponse200",
    "TicketsDestroyResponse200DataType0",
    "TicketSLASummary",
    "TicketSLASummaryByState",
    "TicketsListCategoryItem",
    "TicketsListOrder",
    "TicketsListPriorityItem",
    "TicketsListSlaState",
    "TicketsListSort",
    "TicketsListSource",
    "TicketsListStatusItem",
    "TicketSourceEnum",
    "TicketsPartialUpdateResponse200",
    "TicketsRetrieveResponse200",
    "TicketsTimelineListResponse200",
    "TicketsUpdateResponse200",
    "TicketUpdateRequest",
    "TimelineDelivery",
    "TimelineEntry",
    "TimelineEntryTypeEnum",
    "TimelineNotification",
    "TimezoneEnum",
    "TokenPair",
    "TypeCounts",
    "User",
    "UserCreateRequest",
    "UsersCreateResponse201",
    "UsersDestroyResponse200",
    "UsersInvitationCreateResponse201",
    "UsersInvitationsAcceptCreateResponse200",
    "UsersListOrder",
    "UsersListRole",
    "UsersListSort",
    "UsersRetrieveResponse200",
    "UserSummary",
    "UsersUpdateResponse200",
    "UserUpdateRequest",
    "ValidationReport",
    "Variable",
    "VariableTypeEnum",
    "ViaEnum",
    "Webhook",
    "WebhookRequest",
    "WebhooksCreateResponse201",
    "WebhooksDeliveriesListEvent",
    "WebhooksDeliveriesListOrder",
    "WebhooksDeliveriesListSort",
    "WebhooksDeliveriesListStatus",
    "WebhooksDestroyResponse200",
    "WebhooksDestroyResponse200DataType0",
    "WebhooksListOrder",
    "WebhooksListSort",
    "WebhooksPartialUpdateResponse200",
    "WebhooksRetrieveResponse200",
    "WebhooksTestCreateResponse202",
    "WebhooksUpdateResponse200",
)
