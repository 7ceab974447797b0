using System.Security.Cryptography;
using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace CertBot.Protocol.Tests.Infrastructure;

/// <summary>RSA keys of the fake channel and a token minting helper.</summary>
public static class TestKeys
{
    public const string EndorsedKid = "endorsed-key";
    public const string UnendorsedKid = "plain-key";
    public const string UnpublishedKid = "unknown-key";
    public const string LateKid = "late-key";
    public const string ChannelIssuer = "https://api.botframework.com";

    public static RsaSecurityKey Endorsed { get; } = NewKey(EndorsedKid);
    public static RsaSecurityKey Unendorsed { get; } = NewKey(UnendorsedKid);
    public static RsaSecurityKey Unpublished { get; } = NewKey(UnpublishedKid);
    public static RsaSecurityKey Late { get; } = NewKey(LateKid);

    private static RsaSecurityKey NewKey(string kid) => new(RSA.Create(2048)) { KeyId = kid };

    public static string Mint(
        string audience,
        string? serviceUrl,
        SecurityKey? key = null,
        string issuer = ChannelIssuer,
        string algorithm = SecurityAlgorithms.RsaSha256,
        DateTime? expires = null,
        IDictionary<string, object>? extraClaims = null)
    {
        var now = DateTime.UtcNow;
        var exp = expires ?? now.AddHours(1);
        var claims = new Dictionary<string, object>(extraClaims ?? new Dictionary<string, object>());
        if (serviceUrl is not null)
        {
            claims["serviceurl"] = serviceUrl;
        }

        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            Claims = claims,
            IssuedAt = exp.AddHours(-1),
            NotBefore = exp.AddHours(-1),
            Expires = exp,
            SigningCredentials = new SigningCredentials(key ?? Endorsed, algorithm),
        };
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(descriptor);
    }

    /// <summary>An unsigned token (<c>alg: none</c>) with the given payload.</summary>
    public static string MintUnsigned(string audience, string serviceUrl)
    {
        var exp = DateTimeOffset.UtcNow.AddHours(1).ToUnixTimeSeconds();
        var header = Base64UrlEncoder.Encode(Encoding.UTF8.GetBytes("{\"alg\":\"none\",\"typ\":\"JWT\"}"));
        var payload = Base64UrlEncoder.Encode(Encoding.UTF8.GetBytes(
            $"{{\"iss\":\"{ChannelIssuer}\",\"aud\":\"{audience}\",\"serviceurl\":\"{serviceUrl}\",\"exp\":{exp},\"nbf\":{exp - 3600}}}"));
        return $"{header}.{payload}.";
    }

    public static object Jwk(RsaSecurityKey key, string[]? endorsements)
    {
        var parameters = key.Rsa.ExportParameters(false);
        var jwk = new Dictionary<string, object>
        {
            ["kty"] = "RSA",
            ["use"] = "sig",
            ["kid"] = key.KeyId,
            ["n"] = Base64UrlEncoder.Encode(parameters.Modulus!),
            ["e"] = Base64UrlEncoder.Encode(parameters.Exponent!),
        };
        if (endorsements is not null)
        {
            jwk["endorsements"] = endorsements;
        }

        return jwk;
    }
}
