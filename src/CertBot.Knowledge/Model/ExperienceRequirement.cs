namespace CertBot.Knowledge.Model;

/// <summary>The experience a vendor recommends before sitting an exam; null years mean not published.</summary>
public sealed record ExperienceRequirement(decimal? MlYears, decimal? PlatformYears, string Description);
