using Microsoft.AspNetCore.Http.HttpResults;
using SocialInnovation.People;
using SocialInnovation.Server.Access;
using SocialInnovation.Server.Common;
using SocialInnovation.Teams;

namespace SocialInnovation.Server.Teams;

/// <summary>
/// A participant's own camp profile: the country, skills and languages team formation mixes teams by.
/// Kept on the person (one profile for every camp they join); read and saved in a camp they take part in.
/// </summary>
public static class ProfileApi
{
    public static RouteGroupBuilder MapProfileApi(this RouteGroupBuilder api)
    {
        var profile = api.MapGroup("/camps/{campId:guid}/profile").WithTags("Teams");
        profile.MapGet("/", Get).InCamp(CampRole.Participant)
            .WithSummary("One's country, skills and languages as team formation sees them (one's own, else one's application's)");
        profile.MapPut("/", Save).InCamp(CampRole.Participant).WithSummary("Set one's country, skills and languages");
        return api;
    }

    private static async Task<Ok<MyProfile>> Get(Guid campId, HttpContext http, IGrainFactory grains)
    {
        var caller = http.Caller();
        var profile = await ParticipantProfiles.OfPerson(grains, campId, caller.PersonId, caller.Name);
        var saved = (await grains.GetGrain<IPersonGrain>(caller.PersonId).GetSkills()).Version > 0;
        return TypedResults.Ok(new MyProfile(profile, saved));
    }

    private static async Task<Results<Ok<MyProfile>, Refusal>> Save(Guid campId, SaveSkillProfile command, HttpContext http, IGrainFactory grains)
    {
        var caller = http.Caller();
        var saved = await grains.GetGrain<IPersonGrain>(caller.PersonId).SaveSkills(command);
        if (saved.Error is { } error) return Problems.From(error);
        var skills = saved.Value!;
        return TypedResults.Ok(new MyProfile(new ParticipantProfile(caller.PersonId, caller.Name, skills.Country, skills.Skills, skills.Languages), true));
    }
}

/// <param name="Saved">False while the person never saved one: the profile shown is their application's (or empty).</param>
public sealed record MyProfile(ParticipantProfile Profile, bool Saved);
