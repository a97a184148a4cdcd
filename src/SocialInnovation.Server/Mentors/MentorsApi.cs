using Microsoft.AspNetCore.Http.HttpResults;
using SocialInnovation.Common;
using SocialInnovation.Mentors;
using SocialInnovation.People;
using SocialInnovation.Server.Access;
using SocialInnovation.Server.Common;
using SocialInnovation.Teams;

namespace SocialInnovation.Server.Mentors;

/// <summary>Mentor profiles, office hours and their bookings, and the mentor–team records.</summary>
public static class MentorsApi
{
    public static RouteGroupBuilder MapMentorsApi(this RouteGroupBuilder api)
    {
        var mentors = api.MapGroup("/camps/{campId:guid}/mentors").WithTags("Mentors");
        mentors.MapGet("/", List).InCamp().WithSummary("The camp's mentors with their profiles and office-hour slots");
        mentors.MapGet("/me", Mine).InCamp(CampRole.Mentor).WithSummary("The calling mentor's profile and slots (a blank profile at version 0 before they save one)");
        mentors.MapPut("/me", SaveProfile).InCamp(CampRole.Mentor).WithSummary("Save one's mentor profile (expertise tags, languages, bio, availability)");
        mentors.MapPost("/me/slots", PublishSlot).InCamp(CampRole.Mentor).WithSummary("Publish an office-hour slot");
        mentors.MapPost("/me/slots/remove", RemoveSlot).InCamp(CampRole.Mentor).WithSummary("Remove a free office-hour slot");
        mentors.MapGet("/records", Records).InCamp(CampRole.Organizer, CampRole.Judge).WithSummary("Mentor–team records (who mentored which team), e.g. for recusal from judging");

        var bookings = api.MapGroup("/camps/{campId:guid}/teams/{teamId:guid}/bookings").WithTags("Mentors");
        bookings.MapPost("/", Book).InTeam().WithSummary("Book a mentor's office-hour slot for one's team");
        bookings.MapPost("/cancel", Cancel).InTeam().WithSummary("Cancel one's team's booking");
        return api;
    }

    public static IMentorGrain Mentor(this IGrainFactory grains, Guid campId, Guid personId) =>
        grains.GetGrain<IMentorGrain>(MentorKeys.For(campId, personId));

    private static async Task<Ok<List<MentorCalendar>>> List(Guid campId, IGrainFactory grains)
    {
        var profiles = await grains.GetGrain<IMentorshipGrain>(campId).GetMentors();
        var calendars = await Task.WhenAll(profiles.Select(p => grains.Mentor(campId, p.PersonId).GetCalendar()));
        return TypedResults.Ok(calendars.OfType<MentorCalendar>().ToList());
    }

    /// <summary>
    /// A mentor without a profile yet is the normal first visit, not an error: they get what saving with
    /// nothing filled in would give, at version 0 (as judging's setup answers its defaults before a save).
    /// </summary>
    private static async Task<Ok<MentorCalendar>> Mine(Guid campId, HttpContext http, IGrainFactory grains)
    {
        var caller = http.Caller();
        return TypedResults.Ok(await grains.Mentor(campId, caller.PersonId).GetCalendar()
            ?? new MentorCalendar(new MentorProfile(caller.PersonId, campId, caller.Name, [], [], "", ""), [], 0, 0, 0, []));
    }

    private static async Task<Results<Ok<MentorCalendar>, Refusal>> SaveProfile(Guid campId, SaveMentorProfile command, HttpContext http, IGrainFactory grains)
    {
        var caller = http.Caller();
        return Problems.Ok(await grains.Mentor(campId, caller.PersonId).SaveProfile(campId, caller.PersonId, caller.Name, command));
    }

    private static async Task<Results<Ok<MentorCalendar>, Refusal>> PublishSlot(Guid campId, PublishSlot command, HttpContext http, IGrainFactory grains) =>
        Problems.Ok(await grains.Mentor(campId, http.Caller().PersonId).PublishSlot(command));

    private static async Task<Results<Ok<MentorCalendar>, Refusal>> RemoveSlot(Guid campId, RemoveSlot command, HttpContext http, IGrainFactory grains) =>
        Problems.Ok(await grains.Mentor(campId, http.Caller().PersonId).RemoveSlot(command.SlotId, command.IdempotencyKey));

    private static async Task<Ok<IReadOnlyList<MentorTeamRecord>>> Records(Guid campId, IGrainFactory grains) =>
        TypedResults.Ok(await grains.GetGrain<IMentorshipGrain>(campId).GetRecords());

    private static async Task<Results<Ok<MentorCalendar>, Refusal>> Book(Guid campId, Guid teamId, BookSlot command, IGrainFactory grains)
    {
        if (await TeamOf(grains, campId, teamId) is not { } team) return Problems.From(UnknownTeam);
        return Problems.Ok(await grains.Mentor(campId, command.MentorId).Book(teamId, team.Name, command));
    }

    private static async Task<Results<Ok<MentorCalendar>, Refusal>> Cancel(Guid campId, Guid teamId, CancelBooking command, IGrainFactory grains)
    {
        if (await TeamOf(grains, campId, teamId) is null) return Problems.From(UnknownTeam);
        return Problems.Ok(await grains.Mentor(campId, command.MentorId).CancelBooking(teamId, command));
    }

    /// <summary>
    /// The team, if it belongs to this camp. A team the organizer added that nobody has opened or joined yet
    /// has no team grain; the camp's list is the truth, so its grain is set up here (as the teams API does).
    /// </summary>
    public static async Task<TeamDetails?> TeamOf(IGrainFactory grains, Guid campId, Guid teamId)
    {
        if (await grains.GetGrain<ITeamGrain>(teamId).GetDetails() is { } team) return team.CampId == campId ? team : null;
        if ((await grains.GetGrain<SocialInnovation.Camps.ICampGrain>(campId).GetSnapshot())?.Teams.FirstOrDefault(t => t.TeamId == teamId) is not { } listed)
            return null;
        await SocialInnovation.Server.Teams.TeamsApi.OpenTeam(grains, campId, listed);
        return await grains.GetGrain<ITeamGrain>(teamId).GetDetails();
    }

    public static readonly DomainError UnknownTeam = DomainError.NotFound("team.unknown", "This camp has no such team.");
}
