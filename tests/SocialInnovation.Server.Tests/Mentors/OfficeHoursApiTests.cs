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
}
