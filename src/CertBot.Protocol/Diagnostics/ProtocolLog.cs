using Microsoft.Extensions.Logging;

namespace CertBot.Protocol.Diagnostics;

/// <summary>
/// Every protocol log line. Only activity ids, statuses and reasons are logged: never message text, names, user or
/// conversation ids, tokens or secrets. Values from the wire go through <see cref="WireText"/> first (the public
/// methods here do it, the generated ones below only format).
/// </summary>
internal static partial class ProtocolLog
{
    public static void RequestRejected(this ILogger logger, string reason) => LogRequestRejected(logger, reason);

    public static void AuthenticationFailed(this ILogger logger, string? activityId, string reason) =>
        LogAuthenticationFailed(logger, WireText.ForLog(activityId), WireText.ForLog(reason, WireText.TextLength));

    public static void TenantRejected(this ILogger logger, string? activityId) => LogTenantRejected(logger, WireText.ForLog(activityId));

    public static void DuplicateIgnored(this ILogger logger, string? activityId) => LogDuplicateIgnored(logger, WireText.ForLog(activityId));

    public static void TurnFailed(this ILogger logger, Exception exception, string? activityId, string? activityType) =>
        LogTurnFailed(logger, exception, WireText.ForLog(activityId), WireText.ForLog(activityType));

    public static void ApologyFailed(this ILogger logger, Exception exception, string? activityId) =>
        LogApologyFailed(logger, exception, WireText.ForLog(activityId));

    public static void TurnTimedOut(this ILogger logger, string? activityId, string? activityType, double budgetMs) =>
        LogTurnTimedOut(logger, WireText.ForLog(activityId), WireText.ForLog(activityType), budgetMs);

    public static void ConnectorCallFailed(this ILogger logger, string operation, int status, string errorBody) =>
        LogConnectorCallFailed(logger, operation, status, WireText.ForLog(errorBody, WireText.TextLength));

    public static void StateConflict(this ILogger logger, string? activityId) => LogStateConflict(logger, WireText.ForLog(activityId));

    public static void ReplyQueued(this ILogger logger, string? activityId, string reason) =>
        LogReplyQueued(logger, WireText.ForLog(activityId), WireText.ForLog(reason, WireText.TextLength));

    public static void ReplyMaybeDelivered(this ILogger logger, string? activityId) => LogReplyMaybeDelivered(logger, WireText.ForLog(activityId));

    public static void OutboxDelivered(this ILogger logger, string outboxId, int attempts, string? deliveredId) =>
        LogOutboxDelivered(logger, outboxId, attempts, WireText.ForLog(deliveredId));

    public static void OutboxRetryLater(this ILogger logger, string outboxId, int attempts, double delayMs, string reason) =>
        LogOutboxRetryLater(logger, outboxId, attempts, delayMs, WireText.ForLog(reason, WireText.TextLength));

    [LoggerMessage(1, LogLevel.Warning, "Rejected activity request: {Reason}")]
    private static partial void LogRequestRejected(ILogger logger, string reason);

    [LoggerMessage(2, LogLevel.Warning, "Authentication failed for activity {ActivityId}: {Reason}")]
    private static partial void LogAuthenticationFailed(ILogger logger, string activityId, string reason);

    [LoggerMessage(3, LogLevel.Warning, "Activity {ActivityId} rejected: tenant not allowed")]
    private static partial void LogTenantRejected(ILogger logger, string activityId);

    [LoggerMessage(4, LogLevel.Information, "Duplicate delivery of activity {ActivityId} ignored")]
    private static partial void LogDuplicateIgnored(ILogger logger, string activityId);

    [LoggerMessage(5, LogLevel.Error, "Turn failed for activity {ActivityId} ({ActivityType})")]
    private static partial void LogTurnFailed(ILogger logger, Exception exception, string activityId, string activityType);

    [LoggerMessage(6, LogLevel.Warning, "Could not send the apology for failed activity {ActivityId}")]
    private static partial void LogApologyFailed(ILogger logger, Exception exception, string activityId);

    [LoggerMessage(7, LogLevel.Warning, "Activity {ActivityId} ({ActivityType}) exceeded its {BudgetMs} ms budget")]
    private static partial void LogTurnTimedOut(ILogger logger, string activityId, string activityType, double budgetMs);

    [LoggerMessage(8, LogLevel.Warning, "Connector call {Operation} failed with HTTP {Status}: {ErrorBody}")]
    private static partial void LogConnectorCallFailed(ILogger logger, string operation, int status, string errorBody);

    [LoggerMessage(9, LogLevel.Information, "Refreshing OpenID metadata after an unknown signing key")]
    public static partial void RefreshingSigningKeys(this ILogger logger);

    [LoggerMessage(10, LogLevel.Warning, "State of a conversation changed concurrently; the turn's state write for activity {ActivityId} was rejected")]
    private static partial void LogStateConflict(ILogger logger, string activityId);

    [LoggerMessage(11, LogLevel.Warning, "Connector answered 401; retrying once with a fresh token")]
    public static partial void ConnectorUnauthorizedRetry(this ILogger logger);

    [LoggerMessage(12, LogLevel.Warning, "A reply to activity {ActivityId} went to the outbox: {Reason}")]
    private static partial void LogReplyQueued(ILogger logger, string activityId, string reason);

    [LoggerMessage(13, LogLevel.Warning, "The Connector dropped the connection after a reply to activity {ActivityId} was sent; it may be posted, so it is not sent again")]
    private static partial void LogReplyMaybeDelivered(ILogger logger, string activityId);

    [LoggerMessage(14, LogLevel.Information, "Outbox reply {OutboxId} delivered after {Attempts} earlier attempts (activity {DeliveredId})")]
    private static partial void LogOutboxDelivered(ILogger logger, string outboxId, int attempts, string deliveredId);

    [LoggerMessage(15, LogLevel.Warning, "Outbox reply {OutboxId} failed attempt {Attempts}; next try in {DelayMs} ms: {Reason}")]
    private static partial void LogOutboxRetryLater(ILogger logger, string outboxId, int attempts, double delayMs, string reason);

    [LoggerMessage(16, LogLevel.Error, "Outbox reply {OutboxId} given up after {Attempts} attempts: {Reason}")]
    public static partial void OutboxGaveUp(this ILogger logger, string outboxId, int attempts, string reason);

    [LoggerMessage(17, LogLevel.Warning, "Outbox reply {OutboxId}: the Connector dropped the connection after receiving it; treated as delivered")]
    public static partial void OutboxMaybeDelivered(this ILogger logger, string outboxId);

    [LoggerMessage(18, LogLevel.Error, "An outbox delivery pass failed; the next pass tries again")]
    public static partial void OutboxPassFailed(this ILogger logger, Exception exception);

    [LoggerMessage(19, LogLevel.Warning, "OpenID metadata refresh from {Url} failed; {Held}")]
    public static partial void SigningKeysRefreshFailed(this ILogger logger, Exception exception, string url, string held);

    [LoggerMessage(20, LogLevel.Warning, "Signing keys are not available yet (metadata endpoint unreachable); activity {ActivityId} answered 503")]
    private static partial void LogSigningKeysUnavailable(ILogger logger, string activityId);

    public static void SigningKeysUnavailable(this ILogger logger, string? activityId) => LogSigningKeysUnavailable(logger, WireText.ForLog(activityId));

    [LoggerMessage(21, LogLevel.Error, "State storage failed for activity {ActivityId}; answered 503")]
    private static partial void LogStorageFailed(ILogger logger, Exception exception, string activityId);

    public static void StorageFailed(this ILogger logger, Exception exception, string? activityId) =>
        LogStorageFailed(logger, exception, WireText.ForLog(activityId));

    [LoggerMessage(27, LogLevel.Error, "The state store did not answer within the budget of activity {ActivityId}; answered 503")]
    private static partial void LogStorageTimedOut(ILogger logger, string activityId);

    public static void StorageTimedOut(this ILogger logger, string? activityId) => LogStorageTimedOut(logger, WireText.ForLog(activityId));

    public static void StateConflictRetry(this ILogger logger, string? activityId, int attempt) =>
        LogStateConflictRetry(logger, WireText.ForLog(activityId), attempt);

    public static void DuplicateInProgress(this ILogger logger, string? activityId) => LogDuplicateInProgress(logger, WireText.ForLog(activityId));

    public static void DeliveryRecordFailed(this ILogger logger, Exception exception, string? activityId) =>
        LogDeliveryRecordFailed(logger, exception, WireText.ForLog(activityId));

    public static void RepliesUndelivered(this ILogger logger, Exception exception, string? activityId) =>
        LogRepliesUndelivered(logger, exception, WireText.ForLog(activityId));

    [LoggerMessage(22, LogLevel.Debug, "State save of activity {ActivityId} lost to a concurrent turn (run {Attempt}); running the turn again on the new state")]
    private static partial void LogStateConflictRetry(ILogger logger, string activityId, int attempt);

    [LoggerMessage(23, LogLevel.Information, "Activity {ActivityId} is already being processed by a turn that has not finished")]
    private static partial void LogDuplicateInProgress(ILogger logger, string activityId);

    [LoggerMessage(24, LogLevel.Warning, "Could not record activity {ActivityId} as processed; a redelivery may run it again")]
    private static partial void LogDeliveryRecordFailed(ILogger logger, Exception exception, string activityId);

    [LoggerMessage(25, LogLevel.Warning, "The state of activity {ActivityId} was saved but its replies could not be delivered")]
    private static partial void LogRepliesUndelivered(ILogger logger, Exception exception, string activityId);

    [LoggerMessage(26, LogLevel.Warning, "Removing expired de-duplication records failed; will try again")]
    public static partial void DeliverySweepFailed(this ILogger logger, Exception exception);

    [LoggerMessage(28, LogLevel.Information, "Health check {Check} ended late ({Outcome}), after it had been reported as timed out; the next probe runs it again")]
    public static partial void HealthCheckEndedLate(this ILogger logger, string check, string outcome);
}
