using Azure.Data.Tables;
using Orleans.Storage;
using SocialInnovation.Server.Hosting;
using SocialInnovation.Testing;

namespace SocialInnovation.Server.Tests.Hosting;

/// <summary>
/// Small, hot grain states as table rows (the storage emulator), with the blob provider's concurrency:
/// created only once, changed only under the ETag last read, cleared for good, read from the blobs when
/// stored before the move, and refused (not cut) when too large for a row.
/// </summary>
public sealed class TableGrainStorageTests
{
    private readonly LegacyStorage _legacy = new();
    private readonly TableGrainStorage _storage;

    public TableGrainStorageTests() => _storage = new TableGrainStorage(
        new TableClient(TestStorage.ConnectionString, "rowstest" + Guid.NewGuid().ToString("N")[..12]), _legacy);

    [Fact]
    public async Task A_state_is_created_once_and_read_back_with_its_etag()
    {
        var id = NewGrain();
        var first = New("first");
        await _storage.WriteStateAsync("note", id, first);

        var read = await Read(id);
        Assert.Equal(("first", first.ETag, true), (read.State.Text, read.ETag, read.RecordExists));
        // A second creation (an activation that read nothing before the first stored) is refused.
        await Assert.ThrowsAsync<InconsistentStateException>(() => _storage.WriteStateAsync("note", id, New("second")));
        Assert.Equal("first", (await Read(id)).State.Text);
    }

    [Fact]
    public async Task A_write_based_on_a_stale_etag_is_refused_and_changes_nothing()
    {
        var id = NewGrain();
        await _storage.WriteStateAsync("note", id, New("v1"));
        var reader1 = await Read(id);
        var reader2 = await Read(id);

        reader1.State.Text = "v2";
        await _storage.WriteStateAsync("note", id, reader1);
        reader2.State.Text = "lost update";

        await Assert.ThrowsAsync<InconsistentStateException>(() => _storage.WriteStateAsync("note", id, reader2));
        Assert.Equal("v2", (await Read(id)).State.Text);
        reader1.State.Text = "v3"; // the writer's new ETag goes on working
        await _storage.WriteStateAsync("note", id, reader1);
        Assert.Equal("v3", (await Read(id)).State.Text);
    }

    [Fact]
    public async Task A_cleared_state_is_gone_from_the_table_and_the_blobs_and_can_be_created_again()
    {
        var id = NewGrain();
        _legacy.Stored[id] = new Note { Text = "in the blob" };
        var moved = await Read(id);
        await _storage.WriteStateAsync("note", id, moved);
        var stale = await Read(id);
        moved.State.Text = "changed";
        await _storage.WriteStateAsync("note", id, moved);

        await Assert.ThrowsAsync<InconsistentStateException>(() => _storage.ClearStateAsync("note", id, stale));
        await _storage.ClearStateAsync("note", id, moved);

        var read = await Read(id);
        Assert.Equal((null, false, ""), (read.ETag, read.RecordExists, read.State.Text));
        Assert.Empty(_legacy.Stored);
        await _storage.WriteStateAsync("note", id, New("again"));
        Assert.Equal("again", (await Read(id)).State.Text);
    }

    [Fact]
    public async Task A_state_stored_as_a_blob_before_is_read_from_it_and_moves_to_the_table_on_its_next_write()
    {
        var id = NewGrain();
        _legacy.Stored[id] = new Note { Text = "stored as a blob", Version = 7 };

        var read = await Read(id);
        Assert.Equal(("stored as a blob", 7, true, null), (read.State.Text, read.State.Version, read.RecordExists, read.ETag));
        read.State.Version = 8;
        await _storage.WriteStateAsync("note", id, read);
        _legacy.Stored.Clear();

        var moved = await Read(id);
        Assert.Equal(("stored as a blob", 8, read.ETag), (moved.State.Text, moved.State.Version, moved.ETag));
    }

    [Fact]
    public async Task A_state_too_large_for_one_row_is_refused_with_its_size_and_the_stored_one_is_kept()
    {
        var id = NewGrain();
        var state = New("small");
        await _storage.WriteStateAsync("note", id, state);
        var etag = state.ETag;

        state.State.Text = new string('x', 480_001);
        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => _storage.WriteStateAsync("note", id, state));

        Assert.Contains("480,000", refused.Message);
        Assert.Contains("note", refused.Message);
        Assert.Equal(etag, state.ETag);
        Assert.Equal("small", (await Read(id)).State.Text);
    }

    [Fact]
    public async Task Grains_whose_keys_hold_characters_a_row_key_may_not_are_stored_apart()
    {
        var slash = GrainId.Create("note", "a/b#c?d\\e");
        var plain = GrainId.Create("note", "a_b_c_d_e");
        await _storage.WriteStateAsync("note", slash, New("slash"));
        await _storage.WriteStateAsync("note", plain, New("plain"));

        Assert.Equal(("slash", "plain"), ((await Read(slash)).State.Text, (await Read(plain)).State.Text));
        Assert.NotEqual(TableGrainStorage.Keys("note", slash), TableGrainStorage.Keys("other", slash));
    }

    private async Task<GrainState<Note>> Read(GrainId id)
    {
        var state = new GrainState<Note>(new Note());
        await _storage.ReadStateAsync("note", id, state);
        return state;
    }

    private static GrainState<Note> New(string text) => new(new Note { Text = text });

    private static GrainId NewGrain() => GrainId.Create("note", Guid.NewGuid().ToString("N"));

    public sealed class Note
    {
        public string Text { get; set; } = "";

        public int Version { get; set; }
    }

    /// <summary>The blob storage the states were kept in before they moved to the table.</summary>
    private sealed class LegacyStorage : IGrainStorage
    {
        public Dictionary<GrainId, Note> Stored { get; } = [];

        public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
        {
            if (Stored.TryGetValue(grainId, out var note))
            {
                grainState.State = (T)(object)new Note { Text = note.Text, Version = note.Version };
                grainState.ETag = "blob-etag";
                grainState.RecordExists = true;
            }
            return Task.CompletedTask;
        }

        public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
            throw new InvalidOperationException("These states are written to the table.");

        public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
        {
            if (grainState.ETag != "blob-etag") throw new InconsistentStateException("Not the blob's ETag.", "", grainState.ETag ?? "");
            Stored.Remove(grainId);
            grainState.ETag = null;
            return Task.CompletedTask;
        }
    }
}
