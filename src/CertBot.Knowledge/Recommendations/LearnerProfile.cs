using CertBot.Knowledge.Model;

namespace CertBot.Knowledge.Recommendations;

/// <summary>What the learner told the bot; <see cref="CloudYears"/> is experience on the target cloud, null if unknown.</summary>
public sealed record LearnerProfile(Role Role, decimal MlYears, TargetCloud Cloud, decimal? CloudYears);
