using Microsoft.AspNetCore.Http.HttpResults;
using SocialInnovation.Camps;
using SocialInnovation.Mentors;
using SocialInnovation.People;
using SocialInnovation.Server.Access;

namespace SocialInnovation.Server.Mentors;

/// <summary>
/// The organizer's mentoring overview: sessions per team (has every team been seen?) and load per
/// mentor (every member with the mentor role, with a profile or not). The queue's own figures (length,
/// waits, flagged requests) come live from the queue stream; the page asks for this again when the camp's
/// stream, a team's sessions stream or a mentor's calendar stream has an event.
/// </summary>
public static class OverviewApi
{
    public static RouteGroupBuilder MapMentoringOverviewApi(this RouteGroupBuilder api)
    {
        api.MapGet("/camps/{campId:guid}/mentoring/overview", Get).InCamp(CampRole.Organizer).WithTags("Mentors")
            .WithSummary("Sessions per team and load per mentor, for the organizers");
        return api;
    }

    private static async Task<Ok<MentoringOverview>> Get(Guid campId, IGrainFactory grains)
    {
        var camp = grains.GetGrain<ICampGrain>(campId);
        var teams = (await camp.GetSnapshot())?.Teams ?? [];
        var members = await camp.GetMembers();
        var sessions = await Task.WhenAll(teams.Select(t => grains.GetGrain<ITeamMentoringGrain>(t.TeamId).GetSessions()));
        var records = await grains.GetGrain<IMentorshipGrain>(campId).GetRecords();
        var mentors = await grains.GetGrain<IMentorshipGrain>(campId).GetMentors();
        var all = sessions.Where(s => s.CampId == campId).SelectMany(s => s.Sessions).ToList();

        var perTeam = teams.Select(team =>
        {
            var mine = all.Where(s => s.TeamId == team.TeamId).ToList();
            var rated = mine.Where(s => s.Stars is not null).Select(s => (double)s.Stars!.Value).ToList();
            return new TeamMentoring(team.TeamId, team.Name, mine.Count, mine.Count(s => s.EndedAt is null),
                mine.Count == 0 ? null : mine.Max(s => s.StartedAt), rated.Count == 0 ? null : Math.Round(rated.Average(), 1));
        }).OrderBy(t => t.Sessions).ThenBy(t => t.Name, StringComparer.CurrentCulture).ToList();

        var names = mentors.ToDictionary(m => m.PersonId, m => m.Name);
        // Every mentor of the camp, profile or not: the organizers see who has not started, and the page
        // watches each one's calendar stream from the start, so a profile saved later arrives as an event.
        foreach (var m in members.Where(m => m.Role == CampRole.Mentor)) names.TryAdd(m.PersonId, m.Name);
        foreach (var s in all) names.TryAdd(s.MentorId, s.MentorName);
        var perMentor = names.Select(m =>
        {
            var mine = all.Where(s => s.MentorId == m.Key).ToList();
            return new MentorLoad(m.Key, m.Value, mine.Count, mine.Count(s => s.EndedAt is null),
                records.Where(r => r.MentorId == m.Key).Select(r => r.TeamId).Distinct().Count(),
                records.Count(r => r.MentorId == m.Key && r.How == MentorContact.SlotBooked));
        }).OrderByDescending(m => m.Sessions).ThenBy(m => m.Name, StringComparer.CurrentCulture).ToList();

        return TypedResults.Ok(new MentoringOverview(perTeam, perMentor));
    }
}

/// <param name="Teams">Fewest sessions first, so a team nobody has seen is at the top.</param>
public sealed record MentoringOverview(IReadOnlyList<TeamMentoring> Teams, IReadOnlyList<MentorLoad> Mentors);

public sealed record TeamMentoring(Guid TeamId, string Name, int Sessions, int OpenSessions, DateTimeOffset? LastSessionAt, double? AverageStars);

/// <param name="TeamsSeen">Teams the mentor had any contact with (the mentor–team records).</param>
public sealed record MentorLoad(Guid MentorId, string Name, int Sessions, int OpenSessions, int TeamsSeen, int SlotsBooked);
