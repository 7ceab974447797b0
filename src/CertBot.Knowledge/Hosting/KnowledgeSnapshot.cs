using CertBot.Knowledge.Faq;
using CertBot.Knowledge.Model;
using CertBot.Knowledge.Recommendations;

namespace CertBot.Knowledge.Hosting;

/// <summary>One consistent generation of knowledge with the matcher and recommender built for it; swapped as a whole.</summary>
public sealed record KnowledgeSnapshot(KnowledgeBase Knowledge, FaqMatcher Matcher, Recommender Recommender, DateTimeOffset LoadedAt);
