using SocialInnovation.Camps;
using SocialInnovation.Common;
using SocialInnovation.Polls;
using SocialInnovation.Statements;

namespace SocialInnovation.Grains.Tests.Statements;

[Collection(ClusterCollection.Name)]
public sealed class StatementTests(ClusterFixture fixture) : ClusterTests(fixture)
{
    private static ProposeStatement Statement(string title) =>
        new(title, $"{title} hurts families in our towns every day.", "Young people in small towns", NewKey());

    /// <summary>A camp's statements grain with these titles proposed (each by its own participant) and, if asked, the vote open on them.</summary>
    private async Task<(ICampStatementsGrain Statements, Guid CampId, IPollGrain? Poll)> WithStatements(bool open, params string[] titles)
    {
        var campId = Guid.NewGuid();
        var statements = Grains.GetGrain<ICampStatementsGrain>(campId);
        foreach (var title in titles) (await statements.Propose(Guid.NewGuid(), "Dilnoza", Statement(title))).Ok();
        if (!open) return (statements, campId, null);
        var pollId = Guid.NewGuid();
        (await statements.OpenVote(campId, pollId, new OpenPoll("Which problems?", null, 3, NewKey()))).Ok();
        return (statements, campId, Grains.GetGrain<IPollGrain>(pollId));
    }

    private static Dictionary<string, int> Dots(params (string Option, int Dots)[] dots) => dots.ToDictionary(d => d.Option, d => d.Dots);

    [Fact]
    public async Task Opening_the_vote_makes_the_open_statements_its_options_in_the_order_proposed()
    {
        var (statements, _, poll) = await WithStatements(true, "Corruption in procurement", "Youth unemployment", "Air pollution");

        var tally = (await poll!.GetTally())!;
        var list = await statements.List();

        Assert.Equal(["Corruption in procurement", "Youth unemployment", "Air pollution"], tally.Options.Select(o => o.Label));
        Assert.Equal(tally.Options.Select(o => o.Id), list.Statements.Select(s => s.OptionId));
        Assert.Equal(["s1", "s2", "s3"], list.Statements.Select(s => s.Id));
    }

    [Fact]
    public async Task A_statement_proposed_while_voting_runs_becomes_an_option_of_the_open_poll()
    {
        var (statements, _, poll) = await WithStatements(true, "Corruption in procurement", "Youth unemployment");

        var proposed = (await statements.Propose(Guid.NewGuid(), "Farrukh", Statement("Rural healthcare"))).Ok();

        var tally = (await poll!.GetTally())!;
        Assert.Equal("o3", proposed.OptionId);
        Assert.Contains(tally.Options, o => o.Id == "o3" && o.Label == "Rural healthcare");
    }

    [Fact]
    public async Task A_retried_proposal_adds_one_statement_and_a_reused_key_is_refused()
    {
        var (statements, _, poll) = await WithStatements(true, "Corruption in procurement", "Youth unemployment");
        var author = Guid.NewGuid();
        var command = Statement("Rural healthcare");

        var first = (await statements.Propose(author, "Farrukh", command)).Ok();
        var again = (await statements.Propose(author, "Farrukh", command)).Ok();
        var reused = await statements.Propose(author, "Farrukh", command with { Title = "Something else" });

        Assert.Equal(first, again);
        reused.Refused("idempotency.reused", ErrorKind.Conflict);
        Assert.Equal(3, (await statements.List()).Statements.Count);
        Assert.Equal(3, (await poll!.GetTally())!.Options.Count);
    }

    [Fact]
    public async Task Another_participant_sending_the_same_key_is_not_taken_for_a_retry()
    {
        var (statements, _, _) = await WithStatements(false);
        var command = Statement("Rural healthcare");
        (await statements.Propose(Guid.NewGuid(), "Farrukh", command)).Ok();

        var other = await statements.Propose(Guid.NewGuid(), "Zarina", command);

        other.Refused("idempotency.reused", ErrorKind.Conflict);
    }

    [Fact]
    public async Task A_title_already_proposed_is_refused_in_any_case()
    {
        var (statements, _, _) = await WithStatements(false, "Youth unemployment");

        var outcome = await statements.Propose(Guid.NewGuid(), "Farrukh", Statement("youth UNEMPLOYMENT"));

        outcome.Refused("statement.duplicate", ErrorKind.Conflict);
    }

    [Fact]
    public async Task One_participant_proposes_at_most_five_statements()
    {
        var (statements, _, _) = await WithStatements(false);
        var author = Guid.NewGuid();
        for (var i = 1; i <= ICampStatementsGrain.MaxPerAuthor; i++)
            (await statements.Propose(author, "Farrukh", Statement($"Problem number {i}"))).Ok();

        var outcome = await statements.Propose(author, "Farrukh", Statement("One problem too many"));

        outcome.Refused("statement.too-many", ErrorKind.Conflict);
    }

    [Fact]
    public async Task Invalid_statements_are_refused_with_field_errors()
    {
        var (statements, _, _) = await WithStatements(false);

        var outcome = await statements.Propose(Guid.NewGuid(), "Farrukh", new ProposeStatement("x", "short", "", NewKey()));

        var error = outcome.Refused("validation", ErrorKind.Invalid);
        Assert.Equal(["AffectedGroup", "Description", "Title"], error.Errors!.Keys.Order());
    }

    [Fact]
    public async Task Merging_moves_every_voters_dots_and_a_voter_with_dots_on_both_keeps_the_sum()
    {
        var (statements, _, poll) = await WithStatements(true, "Youth unemployment", "Air pollution", "No jobs for young people");
        var both = Guid.NewGuid();
        var onDuplicate = Guid.NewGuid();
        var elsewhere = Guid.NewGuid();
        (await poll!.Vote(both, new CastDots(Dots(("o1", 1), ("o3", 2)), NewKey()))).Ok();
        (await poll.Vote(onDuplicate, new CastDots(Dots(("o3", 3)), NewKey()))).Ok();
        (await poll.Vote(elsewhere, new CastDots(Dots(("o2", 3)), NewKey()))).Ok();

        var list = (await statements.Merge(new MergeStatements("s3", "s1", NewKey()))).Ok();

        var tally = (await poll.GetTally())!;
        Assert.Equal(["o1", "o2"], tally.Options.Select(o => o.Id));
        Assert.Equal([6, 3], tally.Options.Select(o => o.Dots));
        Assert.Equal(3, tally.Voters);
        Assert.Equal(new Dictionary<string, int> { ["o1"] = 3 }, await poll.GetAllocation(both));
        Assert.Equal(new Dictionary<string, int> { ["o1"] = 3 }, await poll.GetAllocation(onDuplicate));
        Assert.Equal("s1", list.Statements.Single(s => s.Id == "s3").MergedInto);
    }

    [Fact]
    public async Task Merging_again_changes_nothing_and_a_merged_statement_cannot_take_part_in_another_merge()
    {
        var (statements, _, poll) = await WithStatements(true, "Youth unemployment", "Air pollution", "No jobs for young people");
        (await poll!.Vote(Guid.NewGuid(), new CastDots(Dots(("o3", 2)), NewKey()))).Ok();
        var command = new MergeStatements("s3", "s1", NewKey());
        (await statements.Merge(command)).Ok();

        (await statements.Merge(command)).Ok();
        (await statements.Merge(new MergeStatements("s3", "s1", NewKey()))).Ok();
        var intoMerged = await statements.Merge(new MergeStatements("s2", "s3", NewKey()));

        intoMerged.Refused("statement.merged", ErrorKind.Conflict);
        Assert.Equal([2, 0], (await poll.GetTally())!.Options.Select(o => o.Dots));
    }

    [Fact]
    public async Task A_vote_from_a_page_that_still_shows_the_merged_statement_counts_for_the_one_it_was_merged_into()
    {
        var (statements, _, poll) = await WithStatements(true, "Youth unemployment", "Air pollution", "No jobs for young people");
        (await statements.Merge(new MergeStatements("s3", "s1", NewKey()))).Ok();

        var tally = (await poll!.Vote(Guid.NewGuid(), new CastDots(Dots(("o1", 1), ("o3", 2)), NewKey()))).Ok();

        Assert.Equal([3, 0], tally.Options.Select(o => o.Dots));
    }

    [Fact]
    public async Task Counts_are_exact_after_a_merge_under_many_concurrent_voters_retrying()
    {
        var (statements, _, poll) = await WithStatements(true, "Youth unemployment", "Air pollution", "Corruption in courts", "No jobs for young people");
        // Every voter spreads 3 dots over two options; some of them on the duplicate (o4), some on both it and o1.
        var voters = Enumerable.Range(0, 200).Select(i => (Id: Guid.NewGuid(), Dots: Dots(($"o{i % 4 + 1}", 2), ($"o{(i + 3) % 4 + 1}", 1)))).ToList();

        // Each phone sends its vote three times while the organizer merges o4 into o1 in the middle of it.
        var votes = voters.SelectMany(v => Enumerable.Range(0, 3).Select(_ => poll!.Vote(v.Id, new CastDots(v.Dots, NewKey())))).ToList();
        var merge = statements.Merge(new MergeStatements("s4", "s1", NewKey()));
        await Task.WhenAll(votes);
        (await merge).Ok();

        var tally = (await poll!.GetTally())!;
        int Expected(string option) => voters.Sum(v => v.Dots.Where(d => (d.Key == "o4" ? "o1" : d.Key) == option).Sum(d => d.Value));
        Assert.Equal(["o1", "o2", "o3"], tally.Options.Select(o => o.Id));
        Assert.Equal(200, tally.Voters);
        Assert.Equal(600, tally.Options.Sum(o => o.Dots));
        foreach (var option in tally.Options) Assert.Equal(Expected(option.Id), option.Dots);
        foreach (var voter in voters)
            Assert.Equal(3, (await poll.GetAllocation(voter.Id)).Values.Sum());
    }

    [Fact]
    public async Task Once_voting_has_closed_nothing_is_proposed_or_merged()
    {
        var (statements, _, poll) = await WithStatements(true, "Youth unemployment", "Air pollution", "No jobs for young people");
        (await poll!.Close(NewKey())).Ok();

        var proposed = await statements.Propose(Guid.NewGuid(), "Farrukh", Statement("Rural healthcare"));
        var merged = await statements.Merge(new MergeStatements("s3", "s1", NewKey()));

        proposed.Refused("statement.closed", ErrorKind.Conflict);
        merged.Refused("statement.closed", ErrorKind.Conflict);
        Assert.Equal(3, (await statements.List()).Statements.Count(s => s.MergedInto is null));
    }

    [Fact]
    public async Task Adopting_themes_adds_the_new_ones_once()
    {
        var (camp, _, _) = await NewCamp();
        var command = new AdoptThemes(["Youth unemployment", "CORRUPTION", "Air pollution"], NewKey());

        var adopted = (await camp.AdoptThemes(command)).Ok();
        var again = (await camp.AdoptThemes(command)).Ok();

        Assert.Equal(["unemployment", "corruption", "Youth unemployment", "Air pollution"], adopted.Details.Themes);
        Assert.Equal(adopted.Details.Themes, again.Details.Themes);
    }
}
