using SocialInnovation.Common;
using SocialInnovation.Grains.Common;
using SocialInnovation.Polls;
using SocialInnovation.Statements;

namespace SocialInnovation.Grains.Statements;

/// <summary>
/// A camp's problem statements, one grain per camp. Not reentrant: a proposal and a merge each talk to
/// the poll and then store, one at a time, so the list and the poll's options never race each other.
/// Every step towards the poll is safe to repeat (the poll answers a repeated option or merge as it is),
/// so a retry after a failed write finishes the job instead of doing it twice.
/// </summary>
public sealed class CampStatementsGrain(
    [PersistentState("statements", StorageNames.State)] IPersistentState<StatementsState> state,
    TimeProvider clock) : Grain, ICampStatementsGrain
{
    private StatementsState Data => state.State;

    private IPollGrain? Poll => Data.PollId is { } id ? GrainFactory.GetGrain<IPollGrain>(id) : null;

    public async Task<Outcome<ProblemStatement>> Propose(Guid authorId, string authorName, ProposeStatement command)
    {
        if (CommandCheck.Refusal(Shared<ProposeStatementValidator>.Validator, command) is { } invalid) return invalid;
        // The same key from another participant is not their retry: the author is part of what was asked.
        var fingerprint = $"{Fingerprint.Of(command)}:{authorId:N}";
        if (Data.Applied.Find(command.IdempotencyKey) is { } applied)
            return applied.Fingerprint == fingerprint
                ? Data.Statements[(int)applied.Seq - 1]
                : DomainError.Conflict("idempotency.reused", "This idempotency key was already used for a different request.");

        if (Data.Statements.Any(s => s.Chosen))
            return DomainError.Conflict("statement.closed", "Voting on the problem statements has closed.");
        var open = Data.Statements.Where(s => s.MergedInto is null).ToList();
        if (open.Find(s => string.Equals(s.Title, command.Title, StringComparison.OrdinalIgnoreCase)) is { } same)
            return DomainError.Conflict("statement.duplicate", $"\"{same.Title}\" is already proposed: give it your dots instead.");
        if (Data.Statements.Count(s => s.AuthorId == authorId) >= ICampStatementsGrain.MaxPerAuthor)
            return DomainError.Conflict("statement.too-many", $"One participant proposes at most {ICampStatementsGrain.MaxPerAuthor} problem statements.");
        if (open.Count >= ICampStatementsGrain.MaxOpen || Data.Statements.Count >= ICampStatementsGrain.MaxKept)
            return DomainError.Conflict("statement.full", "The camp has as many problem statements as a vote can hold: an organizer can merge duplicates first.");

        string? optionId = null;
        if (Poll is { } poll)
        {
            // Into the running vote first: if voting has closed, nothing is proposed.
            var added = await poll.AddOption(command.Title);
            if (added.Error is { } refused)
                return refused.Code == "poll.closed" ? DomainError.Conflict("statement.closed", "Voting on the problem statements has closed.") : refused;
            optionId = added.Value!.Id;
        }

        var statement = new ProblemStatement($"s{Data.Statements.Count + 1}", command.Title, command.Description, command.AffectedGroup,
            authorId, authorName, clock.GetUtcNow(), optionId, null, false);
        Data.Statements.Add(statement);
        Data.Applied.Remember(command.IdempotencyKey, fingerprint, Data.Statements.Count);
        Data.Version++;
        await state.Store(this);
        return statement;
    }

    public async Task<Outcome<StatementList>> Merge(MergeStatements command)
    {
        if (CommandCheck.Refusal(Shared<MergeStatementsValidator>.Validator, command) is { } invalid) return invalid;
        var duplicate = Data.Statements.Find(s => s.Id == command.From);
        var target = Data.Statements.Find(s => s.Id == command.Into);
        if (duplicate is null || target is null) return DomainError.NotFound("statement.unknown", "This camp has no such problem statement.");
        if (duplicate.MergedInto == target.Id)
        {
            // Already merged (a retry): make sure the poll has it too, then answer as before.
            if (await MergeInPoll(duplicate, target) is { } pollRefused) return pollRefused;
            return Snapshot();
        }
        if (duplicate.MergedInto is not null || target.MergedInto is not null)
            return DomainError.Conflict("statement.merged", "One of these statements was already merged into another.");
        if (Data.Statements.Any(s => s.Chosen))
            return DomainError.Conflict("statement.closed", "Voting on the problem statements has closed.");

        if (await MergeInPoll(duplicate, target) is { } refused) return refused;
        var at = Data.Statements.IndexOf(duplicate);
        Data.Statements[at] = duplicate with { MergedInto = target.Id };
        // Statements merged into `duplicate` earlier now point at `target` as well.
        for (var i = 0; i < Data.Statements.Count; i++)
            if (Data.Statements[i].MergedInto == duplicate.Id) Data.Statements[i] = Data.Statements[i] with { MergedInto = target.Id };
        Data.Version++;
        await state.Store(this);
        return Snapshot();
    }

    private async Task<DomainError?> MergeInPoll(ProblemStatement duplicate, ProblemStatement target)
    {
        if (Poll is not { } poll || duplicate.OptionId is null || target.OptionId is null) return null;
        var merged = await poll.MergeOptions(duplicate.OptionId, target.OptionId);
        return merged.Error is { Code: "poll.closed" }
            ? DomainError.Conflict("statement.closed", "Voting on the problem statements has closed.")
            : merged.Error;
    }

    public async Task<Outcome<PollTally>> OpenVote(Guid campId, Guid pollId, OpenPoll command)
    {
        if (Data.PollId is { } linked && linked != pollId)
            return DomainError.Conflict("statement.vote-exists", "The vote on the problem statements is already open (or was): there is one per camp.");
        var open = Data.Statements.Where(s => s.MergedInto is null).ToList();
        // A retry after the poll was opened finds it open and maps the same options again.
        var opened = await GrainFactory.GetGrain<IPollGrain>(pollId).Open(campId, command with { Options = open.Select(s => s.Title).ToList() });
        if (opened.Error is { } refused) return refused;
        var poll = GrainFactory.GetGrain<IPollGrain>(pollId);
        foreach (var statement in open)
        {
            // One proposed after an earlier attempt opened the poll (but failed to store) is added now.
            var option = opened.Value!.Options.FirstOrDefault(o => string.Equals(o.Label, statement.Title, StringComparison.OrdinalIgnoreCase))
                ?.Id ?? (await poll.AddOption(statement.Title)).Value?.Id;
            Data.Statements[Data.Statements.IndexOf(statement)] = statement with { OptionId = option };
        }
        Data.PollId = pollId;
        Data.Version++;
        await state.Store(this);
        return (await poll.GetTally())!;
    }

    public async Task<StatementList> RecordThemes(IReadOnlyList<string> statementIds)
    {
        if (Data.Statements.Any(s => s.Chosen)) return Snapshot();
        for (var i = 0; i < Data.Statements.Count; i++)
            if (statementIds.Contains(Data.Statements[i].Id)) Data.Statements[i] = Data.Statements[i] with { Chosen = true };
        Data.Version++;
        await state.Store(this);
        return Snapshot();
    }

    public Task<StatementList> List() => Task.FromResult(Snapshot());

    private StatementList Snapshot() => new(this.GetPrimaryKey(), Data.PollId, Data.Statements.ToList(), Data.Version);
}
