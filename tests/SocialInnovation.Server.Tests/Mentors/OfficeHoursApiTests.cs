using System.Net;
using System.Net.Http.Json;
using SocialInnovation.Mentors;
using SocialInnovation.Testing;

namespace SocialInnovation.Server.Tests.Mentors;

public sealed class OfficeHoursApiTests(HostFixture fixture) : IClassFixture<HostFixture>
{
    [Fact]
    public async Task A_team_books_a_published_slot_another_team_is_refused_and_the_organizer_sees_the_record()
    {
        var camp = await MentoringCamp.Start(fixture);
        var published = await camp.Mentor.Read<MentorCalendar>(await camp.Mentor.Post($"/api/camps/{camp.CampId}/mentors/me/slots",
            new PublishSlot(DateTimeOffset.UtcNow.AddHours(2), 30, "slot-1")));
        var slotId = published.Slots.Single().SlotId;

        var booked = await camp.Aida.Post($"/api/camps/{camp.CampId}/teams/{camp.CleanAir}/bookings", new BookSlot(camp.MentorId, slotId, "book-1"));
        var second = await camp.Timur.Post($"/api/camps/{camp.CampId}/teams/{camp.SafeRoads}/bookings", new BookSlot(camp.MentorId, slotId, "book-2"));
        var notHisTeam = await camp.Timur.Post($"/api/camps/{camp.CampId}/teams/{camp.CleanAir}/bookings/cancel", new CancelBooking(camp.MentorId, slotId, "cancel-x"));

        booked.EnsureSuccessStatusCode();
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Equal("slot.taken", (await second.Content.ReadFromJsonAsync<SocialInnovation.Server.Tests.Camps.Problem>(ApiClient.Json))!.Code);
        Assert.Equal(HttpStatusCode.Forbidden, notHisTeam.StatusCode);
        var listed = Assert.Single(await camp.Timur.Get<List<MentorCalendar>>($"/api/camps/{camp.CampId}/mentors"));
        Assert.Equal("Clean Air", listed.Slots.Single().TeamName);
        var record = Assert.Single(await camp.Organizer.Get<List<MentorTeamRecord>>($"/api/camps/{camp.CampId}/mentors/records"));
        Assert.Equal((camp.MentorId, camp.CleanAir, MentorContact.SlotBooked), (record.MentorId, record.TeamId, record.How));
    }

    [Fact]
    public async Task A_mentor_who_has_not_filled_in_a_profile_gets_a_blank_one_at_version_0_not_an_error()
    {
        var (organizer, camp) = await fixture.OrganizerWithCamp();
        var mentor = await fixture.Member(organizer, camp.CampId, SocialInnovation.People.CampRole.Mentor, "Farrukh");

        var response = await mentor.Http.GetAsync($"/api/camps/{camp.CampId}/mentors/me");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var blank = (await response.Content.ReadFromJsonAsync<MentorCalendar>(ApiClient.Json))!;
        Assert.Equal((0L, "Farrukh", camp.CampId), (blank.Version, blank.Profile.Name, blank.Profile.CampId));
        Assert.Empty(blank.Slots);
        Assert.Empty(blank.Profile.Tags);
        // Nobody is listed as a mentor until they save a profile.
        Assert.Empty(await mentor.Get<List<MentorCalendar>>($"/api/camps/{camp.CampId}/mentors"));
    }
}
