using System.Net.Http.Json;
using SocialInnovation.Camps;
using SocialInnovation.Mentors;
using SocialInnovation.People;
using SocialInnovation.Teams;
using SocialInnovation.Testing;

namespace SocialInnovation.Server.Tests.Mentors;

/// <summary>A camp with two teams (a member in each), a mentor with a profile, and its organizer.</summary>
public sealed record MentoringCamp(Guid CampId, ApiClient Organizer, ApiClient Mentor, Guid MentorId, ApiClient Aida, Guid CleanAir, ApiClient Timur, Guid SafeRoads)
{
    public static async Task<MentoringCamp> Start(HostFixture fixture, params string[] mentorTags)
    {
        var (organizer, camp) = await fixture.OrganizerWithCamp();
        var id = camp.CampId;
        await organizer.Post($"/api/camps/{id}/teams", new AddTeam("Clean Air", "Environment", "team-1"));
        var teams = (await organizer.Read<CampSnapshot>(await organizer.Post($"/api/camps/{id}/teams", new AddTeam("Safe Roads", "Healthcare", "team-2")))).Teams;
        var (cleanAir, safeRoads) = (teams.Single(t => t.Name == "Clean Air").TeamId, teams.Single(t => t.Name == "Safe Roads").TeamId);
        var aida = await fixture.Member(organizer, id, CampRole.Participant, "Aida");
        var timur = await fixture.Member(organizer, id, CampRole.Participant, "Timur");
        (await aida.Post($"/api/camps/{id}/teams/{cleanAir}/join", new TeamMembershipChange("join-a"))).EnsureSuccessStatusCode();
        (await timur.Post($"/api/camps/{id}/teams/{safeRoads}/join", new TeamMembershipChange("join-t"))).EnsureSuccessStatusCode();
        var mentor = await fixture.Member(organizer, id, CampRole.Mentor, "Farrukh");
        var tags = mentorTags.Length == 0 ? ["ux", "android"] : mentorTags;
        var calendar = await mentor.Read<MentorCalendar>(await mentor.Http.PutAsJsonAsync($"/api/camps/{id}/mentors/me",
            new SaveMentorProfile(tags, ["ru", "en"], "Mobile developer.", "Afternoons", 0, "profile-1"), ApiClient.Json));
        return new MentoringCamp(id, organizer, mentor, calendar.Profile.PersonId, aida, cleanAir, timur, safeRoads);
    }
}
