using FluentValidation;
using Microsoft.Extensions.Options;
using Orleans.Concurrency;
using SocialInnovation.Common;
using SocialInnovation.Grains.Common;
using SocialInnovation.Grains.Live;
using SocialInnovation.Live;
using SocialInnovation.Mentors;

namespace SocialInnovation.Grains.Mentors;

/// <summary>
/// The camp's help queue. Reentrant for group commit (a queue is busy at the start of a workshop);
/// each command checks and changes state without an <c>await</c> in between, so one request is never
/// taken by two mentors. Queue changes are published at once (<c>VisibleBeforeStored</c>): a raised
/// hand should show on the mentors' screens immediately, and a failed write resyncs them.
/// </summary>
[Reentrant]
public sealed class HelpQueueGrain(
    [PersistentState("queue", StorageNames.State)] IPersistentState<HelpQueueState> state,
    IOptions<HelpQueueOptions> options,
    TimeProvider clock) : Grain, IHelpQueueGrain
{
    public const string StreamKind = "queue";
    private static readonly TimeSpan CheckEvery = TimeSpan.FromSeconds(30);
    private StreamLog _log = null!;
    private HelpQueueState Queue => state.State;
    private HelpQueueOptions Options => options.Value;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _log = new StreamLog(new StreamId(StreamKind, this.GetPrimaryKey()), Queue.Log,
            () => state.WriteStateAsync(), DeactivateOnIdle, this, clock, new StreamLogOptions(VisibleBeforeStored: true));
        this.RegisterGrainTimer(FlagOverdue, new GrainTimerCreationOptions(CheckEvery, CheckEvery));
        return Task.CompletedTask;
    }

    public async Task<Outcome<HelpRequest>> Raise(Guid teamId, string teamName, RaiseHand command)
    {
        if (CommandCheck.Refusal(Shared<RaiseHandValidator>.Validator, command) is { } invalid) return invalid;
        if (_log.Replay(command.IdempotencyKey, command) is { } replayed) return await Replayed(replayed);
        if (Queue.Requests.Find(r => r.TeamId == teamId && r.Status is HelpRequestStatus.Waiting or HelpRequestStatus.Taken) is { } open)
            return DomainError.Conflict("queue.already-raised", $"Your team's hand is already up: \"{open.Topic}\".");

        var request = new HelpRequest(Guid.NewGuid(), teamId, teamName, command.Topic.Trim(), MentorTags.Normalize(command.Tags),
            clock.GetUtcNow(), HelpRequestStatus.Waiting);
        Queue.Requests.Add(request);
        return await Changed("HandRaised", request, command.IdempotencyKey, command);
    }

    public async Task<Outcome<HelpRequest>> Withdraw(Guid teamId, WithdrawHand command)
    {
        if (CommandCheck.Refusal(Shared<WithdrawHandValidator>.Validator, command) is { } invalid) return invalid;
        if (_log.Replay(command.IdempotencyKey, command) is { } replayed) return await Replayed(replayed);
        var index = Queue.Requests.FindIndex(r => r.RequestId == command.RequestId && r.TeamId == teamId);
        if (index < 0) return Unknown();
        if (Queue.Requests[index].Status != HelpRequestStatus.Waiting)
            return DomainError.Conflict("queue.not-waiting", "A mentor has already taken this request.");

        var withdrawn = Queue.Requests[index] with { Status = HelpRequestStatus.Withdrawn, DoneAt = clock.GetUtcNow() };
        Queue.Requests[index] = withdrawn;
        return await Changed("HandWithdrawn", withdrawn, command.IdempotencyKey, command);
    }

    public async Task<Outcome<HelpRequest>> Take(Guid mentorId, string mentorName, IReadOnlyList<string> mentorTags, TakeRequest command)
    {
        if (CommandCheck.Refusal(Shared<TakeRequestValidator>.Validator, command) is { } invalid) return invalid;
        if (_log.Replay(command.IdempotencyKey, command) is { } replayed) return await Replayed(replayed);
        var waiting = Queue.Requests.Where(r => r.Status == HelpRequestStatus.Waiting).OrderBy(r => r.RaisedAt);
        HelpRequest? chosen;
        if (command.RequestId is { } wanted)
        {
            chosen = Queue.Requests.Find(r => r.RequestId == wanted);
            if (chosen is null) return Unknown();
            if (chosen.Status != HelpRequestStatus.Waiting)
                return DomainError.Conflict("queue.taken", $"{chosen.MentorName ?? "Someone"} already took this request.");
        }
        else
        {
            chosen = waiting.FirstOrDefault(r => r.Tags.Count == 0 || r.Tags.Intersect(mentorTags).Any());
            if (chosen is null)
                return DomainError.Conflict(waiting.Any() ? "queue.none-matching" : "queue.empty",
                    waiting.Any() ? "No waiting request matches your tags; you can take a specific one." : "Nobody is waiting.");
        }

        var taken = chosen with { Status = HelpRequestStatus.Taken, MentorId = mentorId, MentorName = mentorName, TakenAt = clock.GetUtcNow() };
        Queue.Requests[Queue.Requests.IndexOf(chosen)] = taken;
        return await Changed("RequestTaken", taken, command.IdempotencyKey, command, resultId: taken.RequestId);
    }

    public async Task<Outcome<HelpRequest>> Finish(Guid requestId)
    {
        var index = Queue.Requests.FindIndex(r => r.RequestId == requestId);
        if (index < 0) return Unknown();
        var request = Queue.Requests[index];
        if (request.Status != HelpRequestStatus.Taken) return request;

        var done = request with { Status = HelpRequestStatus.Done, DoneAt = clock.GetUtcNow() };
        Queue.Requests[index] = done;
        Trim();
        _log.Append("RequestDone", Change(done));
        await _log.Commit();
        return done;
    }

    public async Task<int> FlagOverdue()
    {
        var limit = clock.GetUtcNow().AddMinutes(-Options.FlagAfterMinutes);
        var overdue = Queue.Requests.Where(r => r.Status == HelpRequestStatus.Waiting && !r.Flagged && r.RaisedAt <= limit).ToList();
        if (overdue.Count == 0) return 0;
        foreach (var request in overdue)
        {
            var flagged = request with { Flagged = true };
            Queue.Requests[Queue.Requests.IndexOf(request)] = flagged;
            _log.Append("RequestFlagged", Change(flagged));
        }
        await _log.Commit();
        return overdue.Count;
    }

    public Task<QueueView> GetView() => Task.FromResult(View());

    public Task<Outcome<StreamCatchUp>> CatchUp(StreamPosition? after) => Task.FromResult<Outcome<StreamCatchUp>>(_log.CatchUp(after, View));

    private async Task<Outcome<HelpRequest>> Changed<TCommand>(string what, HelpRequest request, string key, TCommand command, Guid? resultId = null)
    {
        _log.Append(what, Change(request));
        _log.Remember(key, command, resultId ?? request.RequestId);
        await _log.Commit();
        return request;
    }

    private async Task<Outcome<HelpRequest>> Replayed(Outcome<AppliedCommand> replayed)
    {
        if (replayed.Error is { } reused) return reused;
        await _log.Settled();
        return Queue.Requests.Find(r => r.RequestId == replayed.Value!.ResultId) is { } request ? request : Unknown();
    }

    private QueueChanged Change(HelpRequest request) => new(request, AverageHandlingMinutes(), MentorsOnDuty());

    private QueueView View() => new(this.GetPrimaryKey(), _log.Epoch, _log.Position.Seq, Queue.Requests.ToList(),
        AverageHandlingMinutes(), MentorsOnDuty(), Options.FlagAfterMinutes);

    /// <summary>The mean taken→done time of the last ten handled requests.</summary>
    private double AverageHandlingMinutes()
    {
        var recent = Queue.Requests.Where(r => r is { Status: HelpRequestStatus.Done, TakenAt: not null, DoneAt: not null })
            .OrderByDescending(r => r.DoneAt).Take(10).Select(r => (r.DoneAt!.Value - r.TakenAt!.Value).TotalMinutes).ToList();
        return recent.Count == 0 ? QueueMath.DefaultHandlingMinutes : Math.Round(recent.Average(), 1);
    }

    private int MentorsOnDuty()
    {
        var since = clock.GetUtcNow().AddHours(-1);
        return Math.Max(1, Queue.Requests.Where(r => r.MentorId is not null && (r.Status == HelpRequestStatus.Taken || r.DoneAt >= since))
            .Select(r => r.MentorId).Distinct().Count());
    }

    private void Trim()
    {
        var closed = Queue.Requests.Where(r => r.Status is HelpRequestStatus.Done or HelpRequestStatus.Withdrawn).ToList();
        foreach (var old in closed.OrderBy(r => r.DoneAt).Take(Math.Max(0, closed.Count - Options.KeepClosed))) Queue.Requests.Remove(old);
    }


    private static DomainError Unknown() => DomainError.NotFound("queue.unknown", "There is no such help request.");
}
