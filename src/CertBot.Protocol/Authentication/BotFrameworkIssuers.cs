namespace CertBot.Protocol.Authentication;

/// <summary>Issuers and claim names of Bot Framework tokens (public and US Gov clouds).</summary>
internal static class BotFrameworkIssuers
{
    public const string ServiceUrlClaim = "serviceurl";
    public const string VersionClaim = "ver";
    public const string AppIdClaim = "appid";
    public const string AuthorizedPartyClaim = "azp";
    public const string TenantIdClaim = "tid";
    public const string AzureCallerId = "urn:botframework:azure";

    /// <summary>Emulator / Entra issuers the Bot Framework SDK accepts on its emulator path.</summary>
    public static readonly IReadOnlyList<string> Emulator =
    [
        "https://sts.windows.net/d6d49420-f39b-4df7-a1dc-d59a935871db/",
        "https://login.microsoftonline.com/d6d49420-f39b-4df7-a1dc-d59a935871db/v2.0",
        "https://sts.windows.net/f8cdef31-a31e-4b4a-93e4-5f571e91255a/",
        "https://login.microsoftonline.com/f8cdef31-a31e-4b4a-93e4-5f571e91255a/v2.0",
        "https://sts.windows.net/cab8a31a-1906-4287-a0d8-4eef66b95f6e/",
        "https://login.microsoftonline.us/cab8a31a-1906-4287-a0d8-4eef66b95f6e/v2.0",
        "https://login.microsoftonline.us/f8cdef31-a31e-4b4a-93e4-5f571e91255a/",
        "https://login.microsoftonline.us/f8cdef31-a31e-4b4a-93e4-5f571e91255a/v2.0",
    ];

    /// <summary>The v1 and v2 issuers of one Entra tenant (single-tenant emulator / agent tokens).</summary>
    public static IEnumerable<string> ForTenant(string tenantId)
    {
        yield return $"https://sts.windows.net/{tenantId}/";
        yield return $"https://login.microsoftonline.com/{tenantId}/v2.0";
        yield return $"https://login.microsoftonline.us/{tenantId}/";
        yield return $"https://login.microsoftonline.us/{tenantId}/v2.0";
    }
}
