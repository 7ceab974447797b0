using Microsoft.Extensions.Logging;

namespace CertBot.Protocol.Diagnostics;

/// <summary>
/// Every protocol log line. Only activity ids and reasons are logged: never message text, names, user or
/// conversation ids, tokens or secrets.
/// </summary>
internal static partial class ProtocolLog
{
    [LoggerMessage(1, LogLevel.Warning, "Rejected activity request: {Reason}")]
    public static partial void RequestRejected(this ILogger logger, string reason);

    [LoggerMessage(2, LogLevel.Warning, "Authentication failed for activity {ActivityId}: {Reason}")]
    public static partial void AuthenticationFailed(this ILogger logger, string? activityId, string reason);

    [LoggerMessage(3, LogLevel.Warning, "Activity {ActivityId} rejected: tenant not allowed")]
    public static partial void TenantRejected(this ILogger logger, string? activityId);

    [LoggerMessage(4, LogLevel.Information, "Duplicate delivery of activity {ActivityId} ignored")]
    public static partial void DuplicateIgnored(this ILogger logger, string? activityId);

    [LoggerMessage(5, LogLevel.Error, "Turn failed for activity {ActivityId} ({ActivityType})")]
    public static partial void TurnFailed(this ILogger logger, Exception exception, string? activityId, string? activityType);

    [LoggerMessage(6, LogLevel.Warning, "Could not send the apology for failed activity {ActivityId}")]
    public static partial void ApologyFailed(this ILogger logger, Exception exception, string? activityId);

    [LoggerMessage(7, LogLevel.Warning, "Invoke activity {ActivityId} exceeded its {TimeoutMs} ms budget")]
    public static partial void InvokeTimedOut(this ILogger logger, string? activityId, double timeoutMs);

    [LoggerMessage(8, LogLevel.Warning, "Connector call {Operation} failed with HTTP {Status}: {ErrorBody}")]
    public static partial void ConnectorCallFailed(this ILogger logger, string operation, int status, string errorBody);

    [LoggerMessage(9, LogLevel.Information, "Refreshing OpenID metadata after an unknown signing key")]
    public static partial void RefreshingSigningKeys(this ILogger logger);

    [LoggerMessage(10, LogLevel.Warning, "State of a conversation changed concurrently; the turn's state write for activity {ActivityId} was rejected")]
    public static partial void StateConflict(this ILogger logger, string? activityId);

    [LoggerMessage(11, LogLevel.Warning, "Connector answered 401; retrying once with a fresh token")]
    public static partial void ConnectorUnauthorizedRetry(this ILogger logger);

    [LoggerMessage(12, LogLevel.Debug, "State save of activity {ActivityId} lost to a concurrent turn (run {Attempt}); running the turn again on the new state")]
    public static partial void StateConflictRetry(this ILogger logger, string? activityId, int attempt);

    [LoggerMessage(13, LogLevel.Information, "Activity {ActivityId} is already being processed by a turn that has not finished")]
    public static partial void DuplicateInProgress(this ILogger logger, string? activityId);

    [LoggerMessage(14, LogLevel.Warning, "Could not record activity {ActivityId} as processed; a redelivery may run it again")]
    public static partial void DeliveryRecordFailed(this ILogger logger, Exception exception, string? activityId);

    [LoggerMessage(15, LogLevel.Warning, "The state of activity {ActivityId} was saved but its replies could not be delivered")]
    public static partial void RepliesUndelivered(this ILogger logger, Exception exception, string? activityId);

    [LoggerMessage(16, LogLevel.Warning, "Removing expired de-duplication records failed; will try again")]
    public static partial void DeliverySweepFailed(this ILogger logger, Exception exception);
}
