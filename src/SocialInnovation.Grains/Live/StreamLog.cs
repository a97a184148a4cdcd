using SocialInnovation.Common;
using SocialInnovation.Grains.Common;
using SocialInnovation.Live;

namespace SocialInnovation.Grains.Live;

/// <summary>
/// The one piece every stream-owning grain uses for its stream: numbering events (epoch, seq), keeping
/// the recent ones for catch-up, idempotent replays, storing changes with group commit, and publishing.
/// A grain creates one in <c>OnActivateAsync</c> over the <see cref="StreamLogState"/> inside its own
/// state, and runs each command as: validate → <see cref="Replay"/> → check → change state and
/// <see cref="Append"/> → <see cref="Remember"/> → <c>await</c> <see cref="Commit"/> → answer.
/// </summary>
/// <remarks>
/// <para><b>Epochs.</b> Each activation numbers its events in a new epoch, larger than any stored one
/// (the time in milliseconds, or the stored epoch + 1 if that is larger), written with its first
/// write. An activation that ends after a failed write, or a crash that loses what was published but
/// not stored, can therefore never make a watcher's position name a different event: the next
/// activation's events carry another epoch, and a watcher whose position is not in storage gets a
/// snapshot.</para>
/// <para><b>Group commit.</b> A write stores every change made so far. Changes made while a write is
/// in flight (in a reentrant grain, or by interleaved calls) wait and go out together in the next
/// write; each caller's <see cref="Commit"/> completes when the write holding its change is stored.
/// Storage providers serialize the state when the write starts (Azure Blob and memory storage do), so
/// a change made during a write never tears it.</para>
/// </remarks>
public sealed class StreamLog
{
    private readonly StreamLogState _state;
    private readonly Func<Task> _write;
    private readonly Action _dropActivation;
    private readonly IGrainFactory _grains;
    private readonly TimeProvider _clock;
    private readonly StreamLogOptions _options;
    private readonly string _name;
    private readonly List<StreamEnvelope> _unpublished = [];
    private readonly GroupCommit _commit;
    private Exception? _broken;
    private readonly Coalescer _coalescer;
    private readonly ILocalLiveNode? _localNode;

    /// <param name="write">Stores the owning grain's whole state (which holds <paramref name="state"/>).</param>
    /// <param name="dropActivation">Called when a write failed: memory is then ahead of storage.</param>
    /// <param name="owner">The grain that owns the stream: its services give the notifier and this process's web node, if any.</param>
    public StreamLog(StreamId stream, StreamLogState state, Func<Task> write, Action dropActivation,
        Grain owner, TimeProvider clock, StreamLogOptions? options = null)
    {
        Stream = stream;
        _name = stream.ToString();
        _state = state;
        _write = write;
        _dropActivation = dropActivation;
        var services = owner.GrainContext.ActivationServices;
        _grains = (IGrainFactory)services.GetService(typeof(IGrainFactory))!;
        _clock = clock;
        _options = options ?? new StreamLogOptions();
        // A coalesced state is computed from memory, before its write: watchers must be reset if that write fails.
        if (_options.CoalesceEvery is not null && !_options.VisibleBeforeStored)
            throw new ArgumentException("A coalescing stream is visible before stored.", nameof(options));
        _coalescer = new Coalescer(this);
        Epoch = Math.Max(state.Epoch + 1, clock.GetUtcNow().ToUnixTimeMilliseconds());
        _commit = new GroupCommit(WriteAndPublish, Break);
        // A silo without a web node beside it (the grain tests' clusters) has none and publishes as before.
        _localNode = services.GetService(typeof(ILocalLiveNode)) as ILocalLiveNode;
    }

    public StreamId Stream { get; }

    /// <summary>This activation's epoch: every event it makes carries it.</summary>
    public long Epoch { get; }

    /// <summary>Where the stream is now, as watchers see it.</summary>
    public StreamPosition Position => new(Epoch, _state.Seq);

    /// <summary>
    /// Null when <paramref name="key"/> is new. Otherwise the earlier application of the same command (a
    /// retry, to be answered as before), or a refusal when the key was used for a different command.
    /// A retry of a change whose write is still in flight must still await <see cref="Commit"/>.
    /// </summary>
    public Outcome<AppliedCommand>? Replay<TCommand>(string key, TCommand command) => _state.Applied.Find(key) switch
    {
        null => null,
        { } applied when applied.Fingerprint == Fingerprint.Of(command) => applied,
        _ => DomainError.Conflict("idempotency.reused", "This idempotency key was already used for a different request."),
    };

    /// <summary>Remembers that the command with <paramref name="key"/> was applied; stored by the next write.</summary>
    public void Remember<TCommand>(string key, TCommand command, Guid? resultId = null) =>
        _state.Applied.Remember(key, Fingerprint.Of(command), _state.Seq, resultId);

    /// <summary>
    /// Numbers the next event and keeps it. It is published once stored (by <see cref="Commit"/>), or at
    /// once if the stream is <see cref="StreamLogOptions.VisibleBeforeStored"/>.
    /// </summary>
    public StreamEnvelope Append<TPayload>(string kind, TPayload payload)
    {
        ThrowIfBroken();
        return Append(kind, RawJson.From(payload));
    }

    private StreamEnvelope Append(string kind, RawJson payload)
    {
        var envelope = new StreamEnvelope(_name, Epoch, _state.Seq + 1, _clock.GetUtcNow(), kind, payload);
        _state.Seq = envelope.Seq;
        _state.Epoch = Epoch;
        _state.Recent.Add(envelope);
        if (_state.Recent.Count > _options.Keep) _state.Recent.RemoveRange(0, _state.Recent.Count - _options.Keep);
        if (_options.VisibleBeforeStored) Publish([envelope]);
        else _unpublished.Add(envelope);
        return envelope;
    }

    /// <summary>
    /// For a coalescing stream (<see cref="StreamLogOptions.CoalesceEvery"/>), where only the latest state
    /// matters: the state changed. It goes out as one event of <paramref name="kind"/> carrying
    /// <paramref name="latest"/>'s whole state, at once if none went out within the interval, otherwise
    /// when the interval ends, with whatever is latest then; so 2,000 votes a second are a few events a
    /// second, each a whole tally, and positions stay contiguous. Call <see cref="Commit"/> as usual.
    /// </summary>
    public void Changed<TState>(string kind, Func<TState> latest)
    {
        ThrowIfBroken();
        _coalescer.Changed(() => RawJson.From(latest()), kind);
    }

    /// <summary>Sends a coalesced state still waiting for its interval now (call it when the grain deactivates).</summary>
    public void Flush() => _coalescer.Flush();

    /// <summary>
    /// Completes when every change made so far is stored (and its events published): at once if no
    /// write is in flight, otherwise with the next write, which carries everything changed meanwhile.
    /// Throws if the write failed; the activation is then dropped.
    /// </summary>
    public Task Commit()
    {
        ThrowIfBroken();
        return _commit.Commit();
    }

    /// <summary>
    /// Completes when the changes made so far are stored, without asking for a write: how a replayed
    /// command waits for the write that holds its first application, if that is still in flight.
    /// </summary>
    public Task Settled()
    {
        ThrowIfBroken();
        return _commit.Settled();
    }

    /// <summary>The events after <paramref name="after"/>, or a snapshot (made by <paramref name="snapshot"/>).</summary>
    public StreamCatchUp CatchUp<TSnapshot>(StreamPosition? after, Func<TSnapshot> snapshot)
    {
        ThrowIfBroken();
        if (EventsAfter(after) is { } events) return new StreamCatchUp(_name, Epoch, _state.Seq, events, null);
        return new StreamCatchUp(_name, Epoch, _state.Seq, [], RawJson.From(snapshot()));
    }

    /// <summary>
    /// Null when the caller's position cannot be continued from: it has nothing, it is of another
    /// epoch (the wire contract: a new epoch always means a snapshot, so watchers never have to reason
    /// about events of several epochs), it is ahead, or its events are no longer kept.
    /// </summary>
    private IReadOnlyList<StreamEnvelope>? EventsAfter(StreamPosition? after)
    {
        if (after is null || after.Epoch != Epoch || after.Seq < 0 || after.Seq > _state.Seq) return null;
        var recent = _state.Recent;
        var from = recent.FindIndex(e => e.Seq == after.Seq + 1);
        if (from >= 0) return recent.GetRange(from, recent.Count - from);
        return after.Seq == _state.Seq ? [] : null;
    }

    /// <summary>One write of the group commit: what was appended before it starts is published once it is stored.</summary>
    private async Task WriteAndPublish()
    {
        var stored = _unpublished.ToArray();
        _unpublished.Clear();
        await _write();
        if (stored.Length > 0) Publish(stored);
    }

    /// <summary>
    /// Memory is now ahead of storage: the activation is dropped, and if watchers may have seen events
    /// that are not stored, they are told to resync (an envelope of another epoch makes them ask).
    /// </summary>
    private void Break(Exception ex)
    {
        _broken = ex;
        _dropActivation();
        if (_options.VisibleBeforeStored)
            Publish([StreamEnvelope.Reset(_name, _clock.GetUtcNow())]);
    }

    /// <summary>True once a write failed: this activation is being dropped and takes no more changes.</summary>
    public bool IsBroken => _broken is not null;

    private void ThrowIfBroken()
    {
        // A retryable refusal: the next call reaches a fresh activation that reloaded what is stored.
        if (_broken is not null) throw new StreamLogBrokenException(_name, _broken);
    }

    /// <summary>
    /// Leading and trailing edge: the first change after a quiet interval goes out at once, later ones
    /// wait for the interval's end and go out as one. Runs on the grain's scheduler (the delay's
    /// continuation resumes there), so it never races the grain's own turns.
    /// </summary>
    private sealed class Coalescer(StreamLog log)
    {
        private Func<RawJson>? _latest;
        private string _kind = "";
        private bool _scheduled;
        private DateTimeOffset _lastSent = DateTimeOffset.MinValue;

        public void Changed(Func<RawJson> latest, string kind)
        {
            var every = log._options.CoalesceEvery ?? throw new InvalidOperationException($"{log._name} is not a coalescing stream.");
            (_latest, _kind) = (latest, kind);
            if (_scheduled) return;
            var wait = _lastSent == DateTimeOffset.MinValue ? TimeSpan.Zero : _lastSent + every - log._clock.GetUtcNow();
            if (wait <= TimeSpan.Zero)
            {
                Flush();
                return;
            }
            _scheduled = true;
            _ = FlushAfter(wait);
        }

        public void Flush()
        {
            if (_latest is not { } latest || log._broken is not null) return;
            _latest = null;
            _lastSent = log._clock.GetUtcNow();
            log.Append(_kind, latest());
        }

        private async Task FlushAfter(TimeSpan wait)
        {
            await Task.Delay(wait, log._clock);
            _scheduled = false;
            Flush();
        }
    }

    // Kept: resolving a grain reference does a reflection lookup in Orleans (about 1% of the server's CPU per
    // call site in a profile of the boards benchmark), and the notifier is the same for every publish.
    private ILiveNotifierGrain? _notifier;

    /// <summary>
    /// To this process's web node at once (<see cref="ILocalLiveNode"/>), and one-way to the silo's
    /// notifier for the other nodes: neither waits, so no browser and no web node can slow this grain down.
    /// </summary>
    private void Publish(StreamEnvelope[] batch)
    {
        _localNode?.Push(batch);
        _ = (_notifier ??= _grains.GetGrain<ILiveNotifierGrain>(0)).Publish(batch);
    }
}

/// <summary>A write of this activation failed; it is being dropped and the caller may retry.</summary>
public sealed class StreamLogBrokenException(string stream, Exception cause)
    : Exception($"A write of stream {stream} failed; the activation is being replaced. Retry.", cause);
