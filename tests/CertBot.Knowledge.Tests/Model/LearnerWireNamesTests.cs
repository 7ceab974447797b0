using CertBot.Knowledge.Model;

namespace CertBot.Knowledge.Tests.Model;

public sealed class LearnerWireNamesTests
{
    [Theory]
    [InlineData("software-engineer", Role.SoftwareEngineer)]
    [InlineData("data-scientist", Role.DataScientist)]
    [InlineData(" ML-Practitioner ", Role.MlPractitioner)]
    public void TryParseRole_WireName_ParsesAndRoundTrips(string wire, Role expected)
    {
        Assert.True(LearnerWireNames.TryParseRole(wire, out var role));
        Assert.Equal(expected, role);
        Assert.Equal(wire.Trim().ToLowerInvariant(), role.ToWireName());
    }

    [Theory]
    [InlineData("gcp", TargetCloud.Gcp)]
    [InlineData("AWS", TargetCloud.Aws)]
    [InlineData("azure", TargetCloud.Azure)]
    [InlineData("undecided", TargetCloud.Undecided)]
    public void TryParseCloud_WireName_ParsesAndRoundTrips(string wire, TargetCloud expected)
    {
        Assert.True(LearnerWireNames.TryParseCloud(wire, out var cloud));
        Assert.Equal(expected, cloud);
        Assert.Equal(wire.ToLowerInvariant(), cloud.ToWireName());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("google")]
    [InlineData("SoftwareEngineer")]
    public void TryParse_UnknownName_ReturnsFalse(string? wire)
    {
        Assert.False(LearnerWireNames.TryParseRole(wire, out _));
        Assert.False(LearnerWireNames.TryParseCloud(wire, out _));
    }

    [Fact]
    public void ParseRole_UnknownName_ThrowsFormatException() =>
        Assert.Throws<FormatException>(() => LearnerWireNames.ParseRole("manager"));
}
