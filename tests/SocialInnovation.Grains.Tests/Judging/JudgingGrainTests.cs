using SocialInnovation.Common;
using SocialInnovation.Judging;

namespace SocialInnovation.Grains.Tests.Judging;

[Collection(ClusterCollection.Name)]
public sealed class JudgingGrainTests(ClusterFixture fixture) : ClusterTests(fixture)
{
    private static readonly Dictionary<string, int> Good = Rubric.Default.Criteria.ToDictionary(c => c.Id, _ => 8);
    private static readonly Dictionary<string, int> Poor = Rubric.Default.Criteria.ToDictionary(c => c.Id, _ => 3);

    private async Task<(IJudgingGrain Round, List<Guid> Teams)> NewRound(int teams = 4)
    {
        var round = Grains.GetGrain<IJudgingGrain>(Guid.NewGuid());
        var ids = Enumerable.Range(0, teams).Select(_ => Guid.NewGuid()).ToList();
        (await round.Configure(new ConfigureJudging(Rubric.Default, [new Track("prototype", "Best prototype", ids.Take(2).ToList())], null, [1, 2], 0.2, 0, NewKey()), ids)).Ok();
        return (round, ids);
    }

    private static JudgeContext Judge(string name, params Guid[] recused) => new(Guid.NewGuid(), name, recused);

    [Fact]
    public async Task A_judge_scores_revises_and_undoes_and_every_step_is_in_the_audit()
    {
        var (round, teams) = await NewRound();
        var judge = Judge("Aigerim");
        var first = (await round.Score(judge, new ScoreTeam(teams[0], Good, "Strong pitch", 0, NewKey()))).Ok();
        Assert.Equal(1, first.Progress.Scored);
        (await round.Score(judge, new ScoreTeam(teams[0], Poor, "Mis-tap", 1, NewKey()))).Ok();
        var undone = (await round.Undo(judge, new UndoScore(teams[0], 2, NewKey()))).Ok();

        var entry = undone.Entries.Single();
        Assert.Equal((EntryStatus.Scored, 8, 3L), (entry.Status, entry.Marks["impact"], entry.Version));
        Assert.Equal(["scored", "revised", "undone"], (await round.GetAudit()).Select(a => a.Action));
    }

    [Fact]
    public async Task A_revision_based_on_an_old_version_is_refused_and_changes_nothing()
    {
        var (round, teams) = await NewRound();
        var judge = Judge("Bakhtiyor");
        (await round.Score(judge, new ScoreTeam(teams[0], Good, null, 0, NewKey()))).Ok();
        // The tablet and the phone both showed version 1; the phone revised first.
        (await round.Score(judge, new ScoreTeam(teams[0], Poor, null, 1, NewKey()))).Ok();
        var refused = await round.Score(judge, new ScoreTeam(teams[0], Good, "from the tablet", 1, NewKey()));

        Assert.Equal("score.stale", refused.Error?.Code);
        Assert.Equal(3, (await round.GetScores()).Single().Marks["impact"]);
    }

    [Fact]
    public async Task A_resent_score_is_applied_once_even_after_its_key_was_forgotten()
    {
        var (round, teams) = await NewRound();
        var judge = Judge("Dilnoza");
        var command = new ScoreTeam(teams[1], Good, null, 0, NewKey());
        await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => round.Score(judge, command)));
        // The same score sent again under a new key (the device lost the acknowledgement and its key).
        (await round.Score(judge, command with { IdempotencyKey = NewKey() })).Ok();

        Assert.Single(await round.GetScores());
        Assert.Single((await round.GetAudit()).Where(a => a.Action == "scored"));
    }

    [Fact]
    public async Task Two_judges_whose_tablets_pick_the_same_key_do_not_collide()
    {
        var (round, teams) = await NewRound();
        (await round.Score(Judge("Kamila"), new ScoreTeam(teams[0], Good, null, 0, "score-1"))).Ok();
        (await round.Score(Judge("Nurlan"), new ScoreTeam(teams[0], Poor, null, 0, "score-1"))).Ok();
        Assert.Equal(2, (await round.GetScores()).Count);
    }

    [Fact]
    public async Task A_declared_conflict_or_a_mentored_team_is_never_assigned_nor_accepted()
    {
        var (round, teams) = await NewRound(3);
        var judge = Judge("Farrukh", recused: teams[0]);
        (await round.Declare(judge, new DeclareConflict(teams[1], "My cousin is in this team", NewKey()))).Ok();

        var sheet = (await round.GetSheet(judge)).Ok();
        Assert.Equal(teams[2], sheet.Next);
        Assert.Equal(teams.Take(2).Order(), sheet.Conflicts.Order());
        Assert.Equal("judging.conflict", (await round.Score(judge, new ScoreTeam(teams[0], Good, null, 0, NewKey()))).Error?.Code);
        Assert.Equal("judging.conflict", (await round.Score(judge, new ScoreTeam(teams[1], Good, null, 0, NewKey()))).Error?.Code);
        (await round.Score(judge, new ScoreTeam(teams[2], Good, null, 0, NewKey()))).Ok();
        Assert.Null((await round.GetSheet(judge)).Ok().Next);
        Assert.Contains((await round.GetLeaderboard()).Ok().Conflicts, c => c.TeamId == teams[1] && c.Reason == "My cousin is in this team");
    }

    [Fact]
    public async Task Every_team_gets_two_judges_before_any_team_gets_a_third()
    {
        var (round, teams) = await NewRound(5);
        var judges = Enumerable.Range(0, 4).Select(i => Judge($"Judge {i}")).ToList();
        // Judges take turns asking for their next team and scoring it, until every team has two judgments.
        for (var turn = 0; turn < 10; turn++)
        {
            var judge = judges[turn % judges.Count];
            var next = (await round.GetSheet(judge)).Ok().Next!.Value;
            (await round.Score(judge, new ScoreTeam(next, turn % 2 == 0 ? Good : Poor, null, 0, NewKey()))).Ok();
        }
        var perTeam = (await round.GetScores()).GroupBy(s => s.TeamId).ToDictionary(g => g.Key, g => g.Count());
        Assert.All(teams, t => Assert.Equal(2, perTeam.GetValueOrDefault(t)));
    }

    [Fact]
    public async Task A_skipped_or_absent_team_comes_back_after_the_others_and_is_in_the_audit()
    {
        var (round, teams) = await NewRound(2);
        var judge = Judge("Gulnara");
        var first = (await round.GetSheet(judge)).Ok().Next!.Value;
        var afterSkip = (await round.Skip(judge, new SkipTeam(first, Absent: true, 0, NewKey()))).Ok();
        Assert.NotEqual(first, afterSkip.Next);
        var second = afterSkip.Next!.Value;
        var afterScore = (await round.Score(judge, new ScoreTeam(second, Good, null, 0, NewKey()))).Ok();

        Assert.Equal(first, afterScore.Next);
        Assert.Equal((1, 1), (afterScore.Progress.Scored, afterScore.Progress.Skipped));
        Assert.Contains(await round.GetAudit(), a => a.Action == "absent" && a.TeamId == first);
    }

    [Fact]
    public async Task Locked_judging_refuses_every_change_until_reopened()
    {
        var (round, teams) = await NewRound();
        var judge = Judge("Timur");
        (await round.Score(judge, new ScoreTeam(teams[0], Good, null, 0, NewKey()))).Ok();
        (await round.Lock(new LockJudging(true, NewKey()))).Ok();

        Assert.Equal("judging.locked", (await round.Score(judge, new ScoreTeam(teams[0], Poor, null, 1, NewKey()))).Error?.Code);
        Assert.Equal("judging.locked", (await round.Undo(judge, new UndoScore(teams[0], 1, NewKey()))).Error?.Code);
        Assert.Null((await round.GetSheet(judge)).Ok().Next);
        (await round.Lock(new LockJudging(false, NewKey()))).Ok();
        (await round.Score(judge, new ScoreTeam(teams[0], Poor, null, 1, NewKey()))).Ok();
    }

    [Fact]
    public async Task The_rubric_cannot_change_once_judges_have_scored_against_it()
    {
        var (round, teams) = await NewRound();
        (await round.Score(Judge("Zarina"), new ScoreTeam(teams[0], Good, null, 0, NewKey()))).Ok();
        var setup = (await round.GetSetup())!;
        var changed = new Rubric([.. Rubric.Default.Criteria.Take(4)]);
        var refused = await round.Configure(new ConfigureJudging(changed, setup.Tracks, setup.PitchOrder, setup.Cutoffs, 0.2, setup.Version, NewKey()), teams);
        Assert.Equal("judging.rubric-in-use", refused.Error?.Code);
        // The same rubric with another audience weight is fine.
        (await round.Configure(new ConfigureJudging(Rubric.Default, setup.Tracks, setup.PitchOrder, setup.Cutoffs, 0.3, setup.Version, NewKey()), teams)).Ok();
    }

    [Fact]
    public async Task The_leaderboard_ranks_judged_teams_with_intervals_lists_the_unjudged_and_ranks_each_track()
    {
        var (round, teams) = await NewRound(4);
        var (a, b) = (Judge("A"), Judge("B"));
        foreach (var judge in new[] { a, b })
        {
            (await round.Score(judge, new ScoreTeam(teams[0], Poor, null, 0, NewKey()))).Ok();
            (await round.Score(judge, new ScoreTeam(teams[1], Good, null, 0, NewKey()))).Ok();
            (await round.Score(judge, new ScoreTeam(teams[2], Rubric.Default.Criteria.ToDictionary(c => c.Id, _ => 5), null, 0, NewKey()))).Ok();
        }
        var board = (await round.GetLeaderboard()).Ok();

        Assert.Equal([teams[1], teams[2], teams[0]], board.Lines.Select(l => l.TeamId));
        Assert.Equal([teams[3]], board.Unjudged);
        Assert.All(board.Lines, l => Assert.InRange(l.Rank, l.RankLow, l.RankHigh));
        Assert.Equal([teams[1], teams[0]], board.Tracks.Single().Order);
        Assert.Equal(2, board.Judges.Count);
    }

    [Fact]
    public async Task A_team_the_organizer_pins_to_a_judge_is_the_one_they_are_sent_next()
    {
        var (round, teams) = await NewRound(4);
        var judge = Judge("Madina");
        (await round.GetSheet(judge)).Ok();
        (await round.Score(judge, new ScoreTeam((await round.GetSheet(judge)).Ok().Next!.Value, Good, null, 0, NewKey()))).Ok();

        var board = (await round.Assign(new AssignTeam(teams[3], null, judge.JudgeId, NewKey()), null, judge)).Ok();

        Assert.Equal([teams[3]], board.Judges.Single().Pinned);
        Assert.Equal(teams[3], (await round.GetSheet(judge)).Ok().Next);
        Assert.Contains(await round.GetAudit(), a => a.Action == "pinned" && a.TeamId == teams[3]);
    }

    [Fact]
    public async Task A_team_moved_away_from_a_judge_is_never_sent_to_them_again_and_their_score_for_it_is_refused()
    {
        var (round, teams) = await NewRound(2);
        var (first, second) = (Judge("Olzhas"), Judge("Parvina"));
        var held = (await round.GetSheet(first)).Ok().Next!.Value;

        var board = (await round.Assign(new AssignTeam(held, first.JudgeId, second.JudgeId, NewKey()), first, second)).Ok();

        Assert.NotEqual(held, (await round.GetSheet(first)).Ok().Next);
        Assert.Equal(held, (await round.GetSheet(second)).Ok().Next);
        Assert.Equal("judging.moved", (await round.Score(first, new ScoreTeam(held, Good, null, 0, NewKey()))).Error?.Code);
        Assert.Equal([held], board.Judges.Single(j => j.JudgeId == first.JudgeId).MovedAway);
        // Pinning the first judge to it again undoes the move.
        (await round.Assign(new AssignTeam(held, null, first.JudgeId, NewKey()), null, first)).Ok();
        (await round.Score(first, new ScoreTeam(held, Good, null, 0, NewKey()))).Ok();
    }

    [Fact]
    public async Task A_team_is_never_pinned_to_a_judge_with_a_conflict_nor_moved_off_a_judge_who_scored_it()
    {
        var (round, teams) = await NewRound(3);
        var mentor = Judge("Rustam", recused: teams[0]);
        var declared = Judge("Saule");
        (await round.Declare(declared, new DeclareConflict(teams[1], "Former colleague", NewKey()))).Ok();
        var scorer = Judge("Timur");
        (await round.Score(scorer, new ScoreTeam(teams[2], Good, null, 0, NewKey()))).Ok();
        var audit = (await round.GetAudit()).Count;

        Assert.Equal("judging.conflict", (await round.Assign(new AssignTeam(teams[0], null, mentor.JudgeId, NewKey()), null, mentor)).Error?.Code);
        Assert.Equal("judging.conflict", (await round.Assign(new AssignTeam(teams[1], null, declared.JudgeId, NewKey()), null, declared)).Error?.Code);
        Assert.Equal("judging.already-scored", (await round.Assign(new AssignTeam(teams[2], scorer.JudgeId, declared.JudgeId, NewKey()), scorer, declared)).Error?.Code);
        Assert.Equal("judge.unknown", (await round.Assign(new AssignTeam(teams[2], null, declared.JudgeId, NewKey()), null, null)).Error?.Code);
        Assert.Equal(ErrorKind.Invalid, (await round.Assign(new AssignTeam(teams[2], null, null, NewKey()), null, null)).Error?.Kind);
        Assert.Equal(audit, (await round.GetAudit()).Count);
    }

    [Fact]
    public async Task In_pairwise_mode_judges_compare_two_teams_at_a_time_and_the_ranking_follows_their_verdicts()
    {
        var round = Grains.GetGrain<IJudgingGrain>(Guid.NewGuid());
        var teams = Enumerable.Range(0, 4).Select(_ => Guid.NewGuid()).ToList(); // true order: teams[0] best
        (await round.Configure(new ConfigureJudging(Rubric.Default, [], null, [1], 0.2, 0, NewKey(), JudgingMode.Pairwise), teams)).Ok();
        var judges = new[] { Judge("Aigerim"), Judge("Bakhtiyor", teams[3]) };

        foreach (var judge in judges)
            for (var sheet = (await round.GetSheet(judge)).Ok(); sheet.Pair is [var first, var second]; )
            {
                Assert.DoesNotContain(first, judge.Recused);
                Assert.DoesNotContain(second, judge.Recused);
                var verdict = new CompareTeams(first, second, teams.IndexOf(first) < teams.IndexOf(second) ? first : second, 0, NewKey());
                sheet = (await round.Compare(judge, verdict)).Ok();
                // A resend under a new key (the tablet lost the answer and its key) is applied once.
                (await round.Compare(judge, verdict with { IdempotencyKey = NewKey() })).Ok();
            }

        // Every pair once for the first judge (6), every pair without the mentored team for the second (3).
        Assert.Equal(9, (await round.GetComparisons()).Count);
        var board = (await round.GetLeaderboard()).Ok();
        Assert.Equal(teams, board.Lines.Select(l => l.TeamId));
        Assert.Equal(JudgingMode.Pairwise, board.Setup.Mode);
        Assert.Equal("judging.wrong-mode", (await round.Score(judges[0], new ScoreTeam(teams[0], Good, null, 0, NewKey()))).Error?.Code);
        Assert.Equal("judging.mode-in-use", (await round.Configure(new ConfigureJudging(Rubric.Default, [], null, [1], 0.2, board.Setup.Version, NewKey()), teams)).Error?.Code);
    }

    [Fact]
    public async Task A_pairwise_verdict_can_be_revised_until_judging_is_locked_and_every_change_is_in_the_audit()
    {
        var round = Grains.GetGrain<IJudgingGrain>(Guid.NewGuid());
        var teams = Enumerable.Range(0, 3).Select(_ => Guid.NewGuid()).ToList();
        (await round.Configure(new ConfigureJudging(Rubric.Default, [], null, [1], 0.2, 0, NewKey(), JudgingMode.Pairwise), teams)).Ok();
        var judge = Judge("Dilnoza");
        (await round.Compare(judge, new CompareTeams(teams[0], teams[1], teams[1], 0, NewKey()))).Ok();
        var revised = (await round.Compare(judge, new CompareTeams(teams[1], teams[0], teams[0], 1, NewKey()))).Ok();

        var verdict = Assert.Single(revised.Verdicts!);
        Assert.Equal((teams[0], 2L), (verdict.Better, verdict.Version));
        Assert.Equal(teams[0], Assert.Single(await round.GetComparisons()).Winner);
        Assert.Equal(["compared", "recompared"], (await round.GetAudit()).Select(a => a.Action));
        Assert.Equal(teams[1], (await round.GetAudit())[^1].Other);

        var setup = (await round.Lock(new LockJudging(true, NewKey()))).Ok();
        Assert.Equal("judging.locked", (await round.Compare(judge, new CompareTeams(teams[0], teams[2], teams[2], 0, NewKey()))).Error?.Code);
        Assert.Null((await round.GetSheet(judge)).Ok().Pair);
        Assert.True(setup.Locked);
    }

    [Fact]
    public async Task In_pairwise_mode_a_judge_skips_a_pair_or_reports_a_team_absent_and_is_given_another_pair_and_the_audit_shows_both()
    {
        var round = Grains.GetGrain<IJudgingGrain>(Guid.NewGuid());
        var teams = Enumerable.Range(0, 4).Select(_ => Guid.NewGuid()).ToList();
        (await round.Configure(new ConfigureJudging(Rubric.Default, [], null, [1], 0.2, 0, NewKey(), JudgingMode.Pairwise), teams)).Ok();
        var judge = Judge("Aigerim");
        var shown = (await round.GetSheet(judge)).Ok().Pair!;

        var skip = new SkipPair(shown[0], shown[1], 0, NewKey());
        var afterSkip = (await round.SkipPair(judge, skip)).Ok();
        Assert.False(SamePair(shown, afterSkip.Pair!), "a skipped pair is not shown again while others are left");
        Assert.Equal((shown[0], shown[1]), (Assert.Single(afterSkip.SkippedPairs!).First, afterSkip.SkippedPairs![0].Second));
        Assert.Equal(1, afterSkip.Progress.Skipped);
        // The tablet resends (answer lost): under its key, or under a new one once the key is forgotten, applied once.
        (await round.SkipPair(judge, skip)).Ok();
        (await round.SkipPair(judge, skip with { IdempotencyKey = NewKey() })).Ok();

        // One team of the next pair did not pitch: no pair with it is shown while another is left.
        var absentTeam = afterSkip.Pair![0];
        var afterAbsent = (await round.Skip(judge, new SkipTeam(absentTeam, true, 0, NewKey()))).Ok();
        Assert.DoesNotContain(absentTeam, afterAbsent.Pair!);
        Assert.Equal(2, afterAbsent.Progress.Skipped);
        Assert.Equal(["pair-skipped", "absent"], (await round.GetAudit()).Select(a => a.Action));
        Assert.Equal(shown[1], (await round.GetAudit())[0].Other);

        // Every other pair judged: the skipped pair and the absent team's pairs come back (it may have arrived).
        var sheet = afterAbsent;
        var compared = 0;
        while (sheet.Pair is [var first, var second] && compared < 10)
        {
            sheet = (await round.Compare(judge, new CompareTeams(first, second, first, 0, NewKey()))).Ok();
            compared++;
        }
        Assert.Equal(6, compared); // all pairs of four teams, the skipped one and the absent team's included
        Assert.Empty(sheet.SkippedPairs!);
    }

    [Fact]
    public async Task A_pair_skip_is_refused_when_the_pair_was_judged_on_another_device_in_score_mode_and_for_a_team_the_judge_may_not_judge()
    {
        var round = Grains.GetGrain<IJudgingGrain>(Guid.NewGuid());
        var teams = Enumerable.Range(0, 3).Select(_ => Guid.NewGuid()).ToList();
        (await round.Configure(new ConfigureJudging(Rubric.Default, [], null, [1], 0.2, 0, NewKey(), JudgingMode.Pairwise), teams)).Ok();
        var judge = Judge("Bakhtiyor", teams[2]);
        // The other tablet compared the pair; this one, offline, skipped it based on no verdict.
        (await round.Compare(judge, new CompareTeams(teams[0], teams[1], teams[0], 0, NewKey()))).Ok();
        Assert.Equal("pair.stale", (await round.SkipPair(judge, new SkipPair(teams[1], teams[0], 0, NewKey()))).Error?.Code);
        Assert.Equal("judging.conflict", (await round.SkipPair(judge, new SkipPair(teams[0], teams[2], 0, NewKey()))).Error?.Code);
        Assert.Equal(ErrorKind.Invalid, (await round.SkipPair(judge, new SkipPair(teams[0], teams[0], 0, NewKey()))).Error?.Kind);
        Assert.Equal(["compared"], (await round.GetAudit()).Select(a => a.Action));

        var (scores, scoreTeams) = await NewRound();
        Assert.Equal("judging.wrong-mode", (await scores.SkipPair(judge, new SkipPair(scoreTeams[0], scoreTeams[1], 0, NewKey()))).Error?.Code);
    }

    [Fact]
    public async Task A_pairwise_verdict_based_on_an_older_version_is_refused_and_the_verdict_on_the_other_device_stays()
    {
        var round = Grains.GetGrain<IJudgingGrain>(Guid.NewGuid());
        var teams = Enumerable.Range(0, 3).Select(_ => Guid.NewGuid()).ToList();
        (await round.Configure(new ConfigureJudging(Rubric.Default, [], null, [1], 0.2, 0, NewKey(), JudgingMode.Pairwise), teams)).Ok();
        var judge = Judge("Dilnoza");
        // Tablet one says teams[0]; tablet two, which showed the pair with no verdict yet, says teams[1].
        (await round.Compare(judge, new CompareTeams(teams[0], teams[1], teams[0], 0, NewKey()))).Ok();

        var stale = await round.Compare(judge, new CompareTeams(teams[1], teams[0], teams[1], 0, NewKey()));

        Assert.Equal(("verdict.stale", ErrorKind.Conflict), (stale.Error?.Code, stale.Error?.Kind));
        var kept = await round.GetVerdict(judge, teams[1], teams[0]);
        Assert.Equal((teams[0], 1L), (kept!.Better, kept.Version));
        Assert.Equal(["compared"], (await round.GetAudit()).Select(a => a.Action));
        // A revision based on a version the pair never had is refused too.
        Assert.Equal("verdict.stale", (await round.Compare(judge, new CompareTeams(teams[0], teams[1], teams[1], 5, NewKey()))).Error?.Code);
        // A first verdict that names a version although there is none yet is stale as well.
        Assert.Equal("verdict.stale", (await round.Compare(judge, new CompareTeams(teams[0], teams[2], teams[2], 1, NewKey()))).Error?.Code);
        Assert.Null(await round.GetVerdict(judge, teams[0], teams[2]));
    }

    [Fact]
    public async Task A_pairwise_verdict_based_on_the_current_version_replaces_it_and_a_retry_with_its_key_is_applied_once()
    {
        var round = Grains.GetGrain<IJudgingGrain>(Guid.NewGuid());
        var teams = Enumerable.Range(0, 3).Select(_ => Guid.NewGuid()).ToList();
        (await round.Configure(new ConfigureJudging(Rubric.Default, [], null, [1], 0.2, 0, NewKey(), JudgingMode.Pairwise), teams)).Ok();
        var judge = Judge("Aigerim");
        var first = new CompareTeams(teams[0], teams[1], teams[0], 0, NewKey());
        (await round.Compare(judge, first)).Ok();
        var revision = new CompareTeams(teams[0], teams[1], teams[1], 1, NewKey());

        var revised = (await round.Compare(judge, revision)).Ok();
        // The tablet lost both answers and sends both again with their keys: each answered as before, applied once.
        var firstAgain = await round.Compare(judge, first);
        var revisionAgain = await round.Compare(judge, revision);

        Assert.Equal((teams[1], 2L), (Assert.Single(revised.Verdicts!).Better, revised.Verdicts![0].Version));
        Assert.Null(firstAgain.Error);
        Assert.Null(revisionAgain.Error);
        Assert.Equal((teams[1], 2L), (Assert.Single(revisionAgain.Value!.Verdicts!).Better, revisionAgain.Value!.Verdicts![0].Version));
        Assert.Equal(["compared", "recompared"], (await round.GetAudit()).Select(a => a.Action));
        Assert.Equal(teams[1], Assert.Single(await round.GetComparisons()).Winner);
        // The same verdict again from another tablet that had not seen it: nothing to overwrite, done already.
        Assert.Null((await round.Compare(judge, new CompareTeams(teams[1], teams[0], teams[1], 0, NewKey()))).Error);
        Assert.Equal(2, (await round.GetAudit()).Count);
    }

    [Fact]
    public async Task A_pairwise_sheet_carries_the_standings_its_next_pair_was_chosen_by()
    {
        var round = Grains.GetGrain<IJudgingGrain>(Guid.NewGuid());
        var teams = Enumerable.Range(0, 4).Select(_ => Guid.NewGuid()).ToList();
        (await round.Configure(new ConfigureJudging(Rubric.Default, [], null, [1], 0.2, 0, NewKey(), JudgingMode.Pairwise), teams)).Ok();
        var judge = Judge("Bakhtiyor", teams[3]);

        var sheet = (await round.Compare(judge, new CompareTeams(teams[0], teams[1], teams[0], 0, NewKey()))).Ok();

        Assert.Equal(teams[..3], sheet.Standings!.Select(s => s.TeamId)); // the mentored team is not among them
        Assert.Equal([1, 1, 0], sheet.Standings!.Select(s => s.Comparisons));
        Assert.True(sheet.Standings![0].Strength > sheet.Standings![1].Strength);
        Assert.Contains(teams[2], sheet.Pair!); // the team with the fewest comparisons comes first
    }

    private static bool SamePair(IReadOnlyList<Guid> a, IReadOnlyList<Guid> b) => a[0] == b[0] && a[1] == b[1] || a[0] == b[1] && a[1] == b[0];
}
