using SocialInnovation.Camps;
using SocialInnovation.Common;

namespace SocialInnovation.People;

/// <summary>
/// One person and the camps they belong to. Their memberships are the source of truth for
/// authorization: every request asks this grain for the caller's role in the camp it names.
/// </summary>
public interface IPersonGrain : IGrainWithGuidKey
{
    Task<PersonProfile?> GetProfile();

    /// <summary>The caller's role in the camp, or null when they are not a member.</summary>
    Task<CampRole?> GetRole(Guid campId);

    /// <summary>
    /// Adds the person to a camp. A person who is already a member keeps their role: an invite never
    /// silently changes someone's standing.
    /// </summary>
    Task<CampRole> Join(Guid campId, CampRole role, string name);

    /// <summary>
    /// <see cref="Join"/> for a person an invite redemption made up under a fresh id: stored without
    /// reading first (storage refuses the create if the id is taken, and then it joins as
    /// <see cref="Join"/> does). Answers the person's sessions, which the new sign-in cookie needs.
    /// </summary>
    Task<PersonSessions> JoinAsNew(Guid campId, CampRole role, string name);

    Task BecomePlatformOrganizer(string name);

    /// <summary>The language the person reads the app in ("en", "ru"), the same on every device.</summary>
    Task SetLanguage(string language);

    /// <summary>The person's country, skills and languages (<see cref="SkillProfile.None"/> until they save them).</summary>
    Task<SkillProfile> GetSkills();

    /// <summary>Replaces the person's country, skills and languages (tags trimmed, each once).</summary>
    Task<Outcome<SkillProfile>> SaveSkills(SaveSkillProfile command);

    /// <summary>What a sign-in cookie is checked against on every request.</summary>
    Task<PersonSessions> GetSessions();

    /// <summary>Signs one session (one cookie) out: it is refused from now on, even if copied.</summary>
    Task EndSession(string sessionId);

    /// <summary>Signs every session of this person out: "sign out everywhere", or a replaced organizer key.</summary>
    Task EndAllSessions();
}

/// <param name="Stamp">Sessions started under another stamp have ended; it changes on <see cref="IPersonGrain.EndAllSessions"/>.</param>
/// <param name="Ended">Sessions signed out one by one since the stamp last changed.</param>
[GenerateSerializer, Immutable]
public sealed record PersonSessions(int Stamp, IReadOnlyList<string> Ended)
{
    public bool IsLive(string sessionId, int stamp) => stamp == Stamp && !Ended.Contains(sessionId);
}

[GenerateSerializer, Immutable]
public sealed record PersonProfile(
    Guid PersonId,
    string Name,
    bool IsPlatformOrganizer,
    IReadOnlyDictionary<Guid, CampRole> Camps,
    string? Language = null);
