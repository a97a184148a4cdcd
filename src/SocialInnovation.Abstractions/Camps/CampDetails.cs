namespace SocialInnovation.Camps;

/// <summary>What an organizer says about a camp when creating it.</summary>
/// <param name="Countries">ISO 3166-1 alpha-2 codes of the participating countries, e.g. KZ, TJ.</param>
/// <param name="Languages">Language codes the camp runs in, e.g. en, ru.</param>
/// <param name="Themes">The social problems participants will vote on, e.g. corruption, unemployment.</param>
[GenerateSerializer, Immutable]
public sealed record CampDetails(
    string Name,
    string Location,
    DateOnly StartsOn,
    DateOnly EndsOn,
    int Capacity,
    IReadOnlyList<string> Countries,
    IReadOnlyList<string> Languages,
    IReadOnlyList<string> Themes);
