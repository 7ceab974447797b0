using CertBot.Knowledge.Model;

namespace CertBot.Knowledge.Tests.Model;

public sealed class CredentialTests
{
    [Theory]
    [InlineData(CredentialTrack.MlEngineering, CredentialStatus.Active, true)]
    [InlineData(CredentialTrack.MlEngineering, CredentialStatus.Retiring, true)]
    [InlineData(CredentialTrack.MlEngineering, CredentialStatus.Retired, false)]
    [InlineData(CredentialTrack.MlEngineering, CredentialStatus.Unconfirmed, false)]
    [InlineData(CredentialTrack.Related, CredentialStatus.Active, false)]
    [InlineData(CredentialTrack.Related, CredentialStatus.Retiring, false)]
    [InlineData(CredentialTrack.Related, CredentialStatus.Retired, false)]
    [InlineData(CredentialTrack.Related, CredentialStatus.Unconfirmed, false)]
    public void IsRecommendable_TrackAndStatus_OnlyBookableMlEngineering(CredentialTrack track, CredentialStatus status, bool expected) =>
        Assert.Equal(expected, Sample(track, status).IsRecommendable);

    [Fact]
    public void NotCovered_NotSet_IsEmpty() =>
        Assert.Empty(Sample(CredentialTrack.MlEngineering, CredentialStatus.Active).NotCovered);

    private static Credential Sample(CredentialTrack track, CredentialStatus status) => new(
        "x", "X", "Acme", null, CredentialKind.VendorExam, CredentialLevel.Associate, track, CloudPlatform.Gcp, status,
        null, null, new ExperienceRequirement(null, null, "None."), ["things"], "Proctored.", "USD 1", "A month",
        new Uri("https://example.com/x"), [], new DateOnly(2026, 12, 1), null);
}
