namespace SocialInnovation.Grains.Judging.Ranking;

/// <summary>One judge's weighted score (0–10, see <c>Rubric.WeightedScore</c>) for one team.</summary>
public readonly record struct Judgment(Guid Judge, Guid Team, double Score);
