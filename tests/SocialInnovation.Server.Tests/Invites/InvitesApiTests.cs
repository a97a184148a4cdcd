using System.Net;
using System.Net.Http.Json;
using Azure.Storage.Blobs;
using SocialInnovation.Camps;
using SocialInnovation.Common;
using SocialInnovation.Invites;
using SocialInnovation.People;
using SocialInnovation.Server.Session;
using SocialInnovation.Server.Tests.Camps;
using SocialInnovation.Testing;

namespace SocialInnovation.Server.Tests.Invites;

public sealed class InvitesApiTests(HostFixture fixture) : IClassFixture<HostFixture>
{
    [Fact]
    public async Task An_invite_link_signs_a_new_person_into_that_camp_with_that_role()
    {
        var (organizer, camp) = await fixture.OrganizerWithCamp();
        var invite = await organizer.Invite(camp.CampId, CampRole.Judge);
        var judge = fixture.Host.Client();

        var preview = await judge.Read<InvitePreview>(await judge.Post("/api/invites/preview", new PreviewInvite(invite.Token!)));
        var redeemed = await judge.Redeem(invite.Token!, "Timur");

        Assert.Equal((camp.Details.Name, CampRole.Judge), (preview.CampName, preview.Role));
        Assert.Equal(CampRole.Judge, redeemed.Role);
        Assert.EndsWith($"/join#{invite.Token}", invite.Link);
        var me = await judge.Get<MeView>("/api/me");
        Assert.Equal("Timur", me.Name);
        Assert.Equal([camp.CampId], me.Camps.Select(c => c.CampId));
    }

    [Fact]
    public async Task A_revoked_invite_no_longer_signs_anyone_in()
    {
        var (organizer, camp) = await fixture.OrganizerWithCamp();
        var invite = await organizer.Invite(camp.CampId, CampRole.Mentor);

        (await organizer.Http.DeleteAsync($"/api/camps/{camp.CampId}/invites/{invite.Invite.InviteId}")).EnsureSuccessStatusCode();
        var response = await fixture.Host.Client().Post("/api/invites/redeem", new RedeemInvite(invite.Token!, "Mentor", "r-1"));

        Assert.Equal(HttpStatusCode.Gone, response.StatusCode);
        Assert.Equal("invite.revoked", (await response.Content.ReadFromJsonAsync<Problem>(ApiClient.Json))!.Code);
        Assert.Equal(1, (await organizer.Get<CampSnapshot>($"/api/camps/{camp.CampId}")).Members.Organizers);
        Assert.Equal(0, (await organizer.Get<CampSnapshot>($"/api/camps/{camp.CampId}")).Members.Mentors);
    }

    [Fact]
    public async Task A_single_use_invite_is_used_up_after_one_person()
    {
        var (organizer, camp) = await fixture.OrganizerWithCamp();
        var invite = await organizer.Invite(camp.CampId, CampRole.Judge, maxUses: 1);
        await fixture.Host.Client().Redeem(invite.Token!, "First judge");

        var second = await fixture.Host.Client().Post("/api/invites/redeem", new RedeemInvite(invite.Token!, "Second judge", "r-2"));

        Assert.Equal(HttpStatusCode.Gone, second.StatusCode);
        Assert.Equal("invite.used-up", (await second.Content.ReadFromJsonAsync<Problem>(ApiClient.Json))!.Code);
        var listed = await organizer.Get<List<InviteSummary>>($"/api/camps/{camp.CampId}/invites");
        Assert.Equal(1, listed.Single(i => i.InviteId == invite.Invite.InviteId).Uses);
    }

    [Fact]
    public async Task An_invite_made_before_the_camp_was_archived_admits_nobody()
    {
        var (organizer, camp) = await fixture.OrganizerWithCamp();
        var invite = await organizer.Invite(camp.CampId, CampRole.Participant, maxUses: 60);
        await organizer.ChangePhase(camp.CampId, CampPhase.Draft, CampPhase.Archived);
        var late = fixture.Host.Client();

        var response = await late.Post("/api/invites/redeem", new RedeemInvite(invite.Token!, "Late comer", "r-3"));

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("camp.archived", (await response.Content.ReadFromJsonAsync<Problem>(ApiClient.Json))!.Code);
        Assert.Equal(HttpStatusCode.Unauthorized, (await late.Http.GetAsync("/api/me")).StatusCode);
        Assert.Equal(0, (await organizer.Get<CampSnapshot>($"/api/camps/{camp.CampId}")).Members.Participants);
    }

    [Fact]
    public async Task A_redemption_retried_after_a_lost_answer_joins_one_person_once()
    {
        var (organizer, camp) = await fixture.OrganizerWithCamp();
        var invite = await organizer.Invite(camp.CampId, CampRole.Judge, maxUses: 1);

        // The first answer never reached the browser (no cookie kept); it sends the same request again.
        await fixture.Host.Client().Redeem(invite.Token!, "Judge Aigerim", "lost-answer");
        var retry = fixture.Host.Client();
        var redeemed = await retry.Redeem(invite.Token!, "Judge Aigerim", "lost-answer");

        Assert.Equal(CampRole.Judge, redeemed.Role);
        Assert.Equal("Judge Aigerim", (await retry.Get<MeView>("/api/me")).Name);
        Assert.Equal(1, (await organizer.Get<CampSnapshot>($"/api/camps/{camp.CampId}")).Members.Judges);
    }

    [Fact]
    public async Task A_name_that_would_reverse_the_pages_text_is_refused_and_nobody_joins()
    {
        var (organizer, camp) = await fixture.OrganizerWithCamp();
        var invite = await organizer.Invite(camp.CampId, CampRole.Participant, maxUses: 5);

        var response = await fixture.Host.Client().Post("/api/invites/redeem", new RedeemInvite(invite.Token!, "Zarina\u202Eexe.txt", "r-bidi"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = (await response.Content.ReadFromJsonAsync<Problem>(ApiClient.Json))!;
        Assert.Equal([PlainTextRules.Messages["en"]], problem.Errors!["Name"]);
        Assert.Equal(0, (await organizer.Get<CampSnapshot>($"/api/camps/{camp.CampId}")).Members.Participants);
    }

    [Fact]
    public async Task A_made_up_token_is_refused_clearly()
    {
        var client = fixture.Host.Client();

        var unknown = await client.Post("/api/invites/preview", new PreviewInvite(new string('A', 43)));
        var malformed = await client.Post("/api/invites/preview", new PreviewInvite("short"));

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
    }

    [Fact]
    public async Task Invite_tokens_are_never_written_to_storage()
    {
        var (organizer, camp) = await fixture.OrganizerWithCamp();
        var invite = await organizer.Invite(camp.CampId, CampRole.Participant, maxUses: 60);
        await fixture.Host.Client().Redeem(invite.Token!, "Aruzhan");

        var service = new BlobServiceClient(TestStorage.ConnectionString);
        var stored = new List<string>();
        await foreach (var container in service.GetBlobContainersAsync())
        {
            var client = service.GetBlobContainerClient(container.Name);
            await foreach (var blob in client.GetBlobsAsync())
                stored.Add((await client.GetBlobClient(blob.Name).DownloadContentAsync()).Value.Content.ToString());
        }

        Assert.NotEmpty(stored);
        Assert.DoesNotContain(stored, s => s.Contains(invite.Token!, StringComparison.Ordinal));
    }
}
