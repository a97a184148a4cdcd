using SocialInnovation.Audience;
using SocialInnovation.Grains.Polls;
using SocialInnovation.Testing;

namespace SocialInnovation.Server.Tests.Audience;

/// <summary>
/// The server as its own process, killed with SIGKILL (no deactivation, no goodbye) while an audience poll's
/// votes exist only in its journal: the next process counts every acknowledged vote, a vote that was never
/// answered is counted at most once, and its retry with the same key makes it count exactly once.
/// </summary>
public sealed class VoteKillTests
{
    private static string Key() => Guid.NewGuid().ToString("N");

    [Fact]
    public async Task Votes_stored_only_in_the_journal_survive_a_kill_9_and_an_unanswered_vote_counts_once_on_retry()
    {
        var world = PlatformHost.NewWorld();
        await using var first = await ServerProcess.Start(world);
        var organizer = new ApiClient(first.Address);
        await organizer.SignInOrganizer();
        var camp = await organizer.CreateCamp("Kill -9 votes");
        var poll = await organizer.Read<AudiencePollView>(await organizer.Post($"/api/camps/{camp.CampId}/audience/polls",
            new OpenAudiencePoll("Which problem first?", AudiencePollKind.Question, ["Water", "Jobs", "Budget"], 1, false, false, Key())));
        var code = poll.Audience.Code;
        var phones = new ApiClient(first.Address);

        // Fewer votes than the poll waits for before it is stored whole: they are only in the journal.
        var votes = PollGrain.MinCompactAfter - 4;
        for (var i = 0; i < votes; i++)
            (await phones.Post($"/api/audience/{code}/votes", new CastAudienceVote(Key(), [$"o{i % 3 + 1}"], Key()))).EnsureSuccessStatusCode();
        var before = (await phones.Get<AudiencePollView>($"/api/audience/{code}")).Tally;
        Assert.Equal(votes, await ServerProcess.TableRows(world, "polljournal")); // one at a time: a row each

        // One more vote, and the process dies under it: answered or not, nobody can tell in advance.
        var unanswered = new CastAudienceVote(Key(), ["o2"], Key());
        var sending = phones.Post($"/api/audience/{code}/votes", unanswered);
        await first.Kill();
        var answered = await ServerProcess.Answered(sending);

        await using var second = await ServerProcess.Start(world);
        phones = new ApiClient(second.Address);
        var after = (await phones.Get<AudiencePollView>($"/api/audience/{code}")).Tally;

        var extra = after.Voters - before.Voters;
        Assert.InRange(extra, answered ? 1 : 0, 1); // an answered vote is there; an unanswered one at most once
        Assert.Equal(before.Options.Select(o => o.Dots + (o.Id == "o2" ? extra : 0)), after.Options.Select(o => o.Dots));

        // The retry (same device, same key) is answered as the first application, or applied now: once either way.
        var retried = await phones.Read<AudienceVoteReceipt>(await phones.Post($"/api/audience/{code}/votes", unanswered));
        var final = (await phones.Get<AudiencePollView>($"/api/audience/{code}")).Tally;
        Assert.Equal(extra == 1, retried.Replayed);
        Assert.Equal(votes + 1, final.Voters);
        Assert.Equal(before.Options.Select(o => o.Dots + (o.Id == "o2" ? 1 : 0)), final.Options.Select(o => o.Dots));
    }
}
