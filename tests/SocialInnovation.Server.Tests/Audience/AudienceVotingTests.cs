using System.Net;
using System.Net.Http.Json;
using SocialInnovation.Audience;
using SocialInnovation.Camps;
using SocialInnovation.People;
using SocialInnovation.Server.Tests.Camps;
using SocialInnovation.Server.Tests.Hosting;
using SocialInnovation.Testing;

namespace SocialInnovation.Server.Tests.Audience;

public sealed class AudienceVotingTests(HostFixture fixture) : IClassFixture<HostFixture>
{
    private static string Device() => Guid.NewGuid().ToString("N");

    private static async Task<(ApiClient Organizer, Guid CampId, AudiencePollView Poll)> PeoplesChoice(HostFixture fixture, bool hidden = false, bool requireInvite = false)
    {
        var (organizer, camp) = await fixture.OrganizerWithCamp();
        foreach (var name in new[] { "Clean Water", "Green Jobs", "Open Budget" })
            (await organizer.Post($"/api/camps/{camp.CampId}/teams", new AddTeam(name, "Poverty", $"team-{name.Replace(' ', '-')}"))).EnsureSuccessStatusCode();
        var poll = await organizer.Read<AudiencePollView>(await organizer.Post($"/api/camps/{camp.CampId}/audience/polls",
            new OpenAudiencePoll("People's choice", AudiencePollKind.PeoplesChoice, null, 1, hidden, requireInvite, "audience-1")));
        return (organizer, camp.CampId, poll);
    }

    [Fact]
    public async Task An_audience_without_accounts_votes_by_code_and_every_vote_is_counted_once_despite_retries()
    {
        var (organizer, campId, poll) = await PeoplesChoice(fixture);
        var votes = Enumerable.Range(0, 30).Select(i => new CastAudienceVote(Device(), [$"o{i % 3 + 1}"], $"vote-{i}")).ToList();

        // Each phone sends its vote twice at once (a flaky connection), each from a browser of its own.
        var responses = await Task.WhenAll(votes.SelectMany(v => new[] { fixture.Host.Client(), fixture.Host.Client() }
            .Select(phone => phone.Post($"/api/audience/{poll.Audience.Code.ToLowerInvariant()}/votes", v))));
        var reopened = await organizer.Read<AudiencePollView>(await organizer.Post($"/api/camps/{campId}/audience/polls",
            new OpenAudiencePoll("People's choice", AudiencePollKind.PeoplesChoice, null, 1, false, false, "audience-1")));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        var seen = await fixture.Host.Client().Get<AudiencePollView>($"/api/audience/{poll.Audience.Code}");
        Assert.Equal(30, seen.Tally.Voters);
        Assert.Equal([10, 10, 10], seen.Tally.Options.Select(o => o.Dots));
        Assert.Equal(["Clean Water", "Green Jobs", "Open Budget"], seen.Tally.Options.Select(o => o.Label));
        Assert.Equal(3, seen.Audience.Teams.Count);
        Assert.Equal(poll.Audience.Code, reopened.Audience.Code);
        Assert.Equal(6, poll.Audience.Code.Length);
    }

    [Fact]
    public async Task An_audience_poll_is_not_offered_to_the_participants_dot_voting()
    {
        var (organizer, campId, poll) = await PeoplesChoice(fixture);

        var dotPolls = await organizer.Get<List<SocialInnovation.Polls.PollTally>>($"/api/camps/{campId}/polls");

        Assert.DoesNotContain(dotPolls, p => p.PollId == poll.Tally.PollId);
    }

    [Fact]
    public async Task Hidden_counts_are_shown_to_the_audience_only_after_the_organizer_reveals_them()
    {
        var (organizer, campId, poll) = await PeoplesChoice(fixture, hidden: true);
        (await fixture.Host.Client().Post($"/api/audience/{poll.Audience.Code}/votes", new CastAudienceVote(Device(), ["o2"], "v1"))).EnsureSuccessStatusCode();

        var before = await fixture.Host.Client().Get<AudiencePollView>($"/api/audience/{poll.Audience.Code}");
        var organizers = await organizer.Get<List<AudiencePollView>>($"/api/camps/{campId}/audience/polls");
        (await organizer.Post($"/api/camps/{campId}/audience/polls/{poll.Tally.PollId}/reveal", null)).EnsureSuccessStatusCode();
        var after = await fixture.Host.Client().Get<AudiencePollView>($"/api/audience/{poll.Audience.Code}");

        Assert.Equal(1, before.Tally.Voters);
        Assert.Equal([0, 0, 0], before.Tally.Options.Select(o => o.Dots));
        Assert.Equal([0, 1, 0], Assert.Single(organizers).Tally.Options.Select(o => o.Dots));
        Assert.Equal([0, 1, 0], after.Tally.Options.Select(o => o.Dots));
    }

    [Fact]
    public async Task A_poll_that_requires_an_invite_counts_a_camp_member_once_whatever_device_token_they_send()
    {
        var (organizer, campId, poll) = await PeoplesChoice(fixture, requireInvite: true);
        var member = await fixture.Member(organizer, campId, CampRole.Participant, "Aida");

        var stranger = await fixture.Host.Client().Post($"/api/audience/{poll.Audience.Code}/votes", new CastAudienceVote(Device(), ["o1"], "s1"));
        (await member.Post($"/api/audience/{poll.Audience.Code}/votes", new CastAudienceVote(Device(), ["o1"], "m1"))).EnsureSuccessStatusCode();
        (await member.Post($"/api/audience/{poll.Audience.Code}/votes", new CastAudienceVote(Device(), ["o3"], "m2"))).EnsureSuccessStatusCode();

        Assert.Equal(HttpStatusCode.Forbidden, stranger.StatusCode);
        Assert.Equal("audience.invite-required", (await stranger.Content.ReadFromJsonAsync<Problem>(ApiClient.Json))!.Code);
        var tally = Assert.Single(await organizer.Get<List<AudiencePollView>>($"/api/camps/{campId}/audience/polls")).Tally;
        Assert.Equal(1, tally.Voters);
        Assert.Equal([0, 0, 1], tally.Options.Select(o => o.Dots));
    }

    [Fact]
    public async Task An_unknown_code_and_a_malformed_vote_are_refused_with_problems()
    {
        var (_, _, poll) = await PeoplesChoice(fixture);
        var anyone = fixture.Host.Client();

        var unknown = await anyone.Http.GetAsync("/api/audience/ZZZZZ2");
        var malformed = await anyone.Post($"/api/audience/{poll.Audience.Code}/votes", new CastAudienceVote("short", [], "k"));

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("audience.unknown-code", (await unknown.Content.ReadFromJsonAsync<Problem>(ApiClient.Json))!.Code);
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        Assert.Equal("application/problem+json", malformed.Content.Headers.ContentType?.MediaType);
    }
}

/// <summary>A hall votes from behind one venue address: past the general write limit, but not without bound.</summary>
[Collection(TightHostCollection.Name)]
public sealed class AudienceRateLimitTests(TightHost tight)
{
    [Fact]
    public async Task Votes_from_one_address_have_their_own_limit_above_the_general_write_limit_and_a_flood_gets_429()
    {
        var (organizer, _) = tight.ClientAtNewAddress();
        await organizer.SignInOrganizer();
        var camp = await organizer.CreateCamp("Audience camp");
        var poll = await organizer.Read<AudiencePollView>(await organizer.Post($"/api/camps/{camp.CampId}/audience/polls",
            new OpenAudiencePoll("Best idea?", AudiencePollKind.Question, ["Water", "Jobs"], 1, false, false, "rate-poll")));
        var (_, venue) = tight.ClientAtNewAddress();

        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage last = null!;
        for (var i = 0; i <= TightHost.AudienceVotePermits; i++)
        {
            last = await tight.At(venue).Post($"/api/audience/{poll.Audience.Code}/votes", new CastAudienceVote(Guid.NewGuid().ToString("N"), ["o1"], $"v{i}"));
            statuses.Add(last.StatusCode);
        }

        Assert.True(TightHost.AudienceVotePermits > TightHost.WritePermits);
        Assert.Equal([.. Enumerable.Repeat(HttpStatusCode.OK, TightHost.AudienceVotePermits), HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal("rate.limited", (await last.Content.ReadFromJsonAsync<Problem>(ApiClient.Json))!.Code);
    }
}
