namespace CertBot.Protocol.Configuration;

/// <summary>
/// Bot Framework settings. The four <c>MicrosoftApp*</c> keys are read from the configuration root (as Azure
/// Bot Service templates name them); everything else from the <c>BotFramework</c> section.
/// </summary>
public sealed class BotFrameworkOptions
{
    public const string SectionName = "BotFramework";
    public const string DefaultErrorMessage = "Sorry, something went wrong on my side. Please try again.";

    /// <summary>Single-tenant by default, as Azure creates new bots (and as appsettings.sample.json says); it then needs MicrosoftAppTenantId.</summary>
    public BotAppType MicrosoftAppType { get; set; } = BotAppType.SingleTenant;
    public string? MicrosoftAppId { get; set; }
    public string? MicrosoftAppPassword { get; set; }
    public string? MicrosoftAppTenantId { get; set; }

    /// <summary>No app id configured: inbound requests are accepted without a token and outbound calls carry none.</summary>
    public bool IsLocalMode => string.IsNullOrWhiteSpace(MicrosoftAppId);

    /// <summary>Route of the messaging endpoint.</summary>
    public string MessagesPath { get; set; } = "/api/messages";

    public long MaxRequestBodyBytes { get; set; } = 262_144;

    /// <summary>Tenants whose activities are accepted; empty accepts every tenant.</summary>
    public IList<string> AllowedTenantIds { get; } = [];

    /// <summary>Sent to the user when a turn fails, unless the host words the apology itself (an <c>ITurnFailureReply</c>).</summary>
    public string ErrorMessage { get; set; } = DefaultErrorMessage;

    public string ChannelIssuer { get; set; } = "https://api.botframework.com";
    public string OpenIdMetadataUrl { get; set; } = "https://login.botframework.com/v1/.well-known/openidconfiguration";

    /// <summary>Accept Bot Framework Emulator / Entra-issued tokens (development).</summary>
    public bool EnableEmulatorAuthentication { get; set; }
    public string EmulatorOpenIdMetadataUrl { get; set; } = "https://login.microsoftonline.com/common/v2.0/.well-known/openid-configuration";

    /// <summary>Allow OpenID metadata over plain http (loopback tests only).</summary>
    public bool AllowInsecureMetadata { get; set; }

    /// <summary>Entra host used to build the outbound token authority.</summary>
    public string AuthorityHost { get; set; } = "https://login.microsoftonline.com";
    public string OAuthScope { get; set; } = "https://api.botframework.com/.default";

    /// <summary>
    /// Hosts (https only) that may receive the bot's bearer token even when no authenticated activity vouched for
    /// them, e.g. for proactive sends after a restart. Configured entries are added to the defaults.
    /// </summary>
    public IList<string> TrustedServiceUrlHosts { get; } =
        ["smba.trafficmanager.net", "smba.infra.gcc.teams.microsoft.com", "smba.infra.gov.teams.microsoft.us"];

    /// <summary>Retries of a Connector call after 429/412/502/503/504, as far as the turn's budget allows.</summary>
    public int ConnectorMaxRetries { get; set; } = 3;
    public TimeSpan ConnectorRetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>One Connector attempt; a slower answer counts as a failed attempt (and is not retried: it may have been posted).</summary>
    public TimeSpan ConnectorTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>One token request to Entra (the HttpClient MSAL uses).</summary>
    public TimeSpan TokenTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>One fetch of the OpenID metadata or its key set.</summary>
    public TimeSpan MetadataTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long fetched signing keys are used before a refresh is started in the background.</summary>
    public TimeSpan SigningKeysRefreshInterval { get; set; } = TimeSpan.FromHours(12);

    /// <summary>How long the last good signing keys stay usable while every refresh fails; after that /readyz is red.</summary>
    public TimeSpan SigningKeysMaxAge { get; set; } = TimeSpan.FromDays(5);

    /// <summary>
    /// Budget of a whole request (authentication, the turn, its replies and the state write); the channel gives up after
    /// 15 s. Replies that cannot be sent in time go to the outbox.
    /// </summary>
    public TimeSpan TurnTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Part of the turn budget kept at its end to queue unsent replies and write state; sends stop this early.</summary>
    public TimeSpan TurnReserve { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Budget for an invoke turn; Teams gives up after about 5 s.</summary>
    public TimeSpan InvokeTimeout { get; set; } = TimeSpan.FromSeconds(4.5);

    /// <summary>Longest id, name, channel id, locale or invoke name accepted on an incoming activity (longer gets 400).</summary>
    public int MaxIdentifierLength { get; set; } = 1024;

    public TimeSpan DeduplicationWindow { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// How long an instance's claim on an activity id holds while its turn runs; a crashed instance's claim lapses
    /// after it, so the channel's redelivery runs elsewhere. Above the longest turn, at most the channel's 15 s.
    /// </summary>
    public TimeSpan DeduplicationClaimTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>
    /// One write of an activity's de-duplication record once its turn is over (marked done, or released for the
    /// redelivery). It is kept at the end of the request's budget: the turn of an activity with an id ends this much
    /// before <see cref="TurnTimeout"/>, so a request with a stalled store still answers within its budget.
    /// </summary>
    public TimeSpan DeduplicationWriteTimeout { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// How long one health check may take (on the registered clock) before it reports its failure status, "timed out":
    /// /readyz answers well inside a probe's timeout even when the store or a metadata endpoint does not.
    /// </summary>
    public TimeSpan HealthCheckTimeout { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Runs of one turn when its state save keeps losing to concurrent turns (each re-run reloads the state).</summary>
    public int StateConflictRetries { get; set; } = 200;

    /// <summary>
    /// How long a turn waits behind this instance's other turns of the same conversation or user before it runs
    /// anyway (it then relies on the ETag save alone). Queuing only saves re-runs; it is never needed for correctness.
    /// </summary>
    public TimeSpan TurnAdmissionWait { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Upper bound of the jittered pause between two runs of a turn that lost a state race.</summary>
    public TimeSpan StateConflictMaxDelay { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>Largest serialized outgoing activity; Teams rejects about 100 KB, we stay under 80 KB.</summary>
    public int MaxOutgoingActivityBytes { get; set; } = 80 * 1024;
}
