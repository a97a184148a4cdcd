using System.Buffers.Binary;
using System.IO.Compression;
using SocialInnovation.Server.Artifacts;

namespace SocialInnovation.Server.Tests.Artifacts;

/// <summary>The archive check counts the bytes it really inflates, not the sizes the archive declares.</summary>
public sealed class ArchiveInspectorTests
{
    private const long Limit = 1024 * 1024;

    /// <summary>A ZIP of zero-filled entries.</summary>
    public static byte[] Zip(int entries, int bytesEach)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
            for (var i = 0; i < entries; i++)
            {
                using var entry = zip.CreateEntry($"f{i}.bin", CompressionLevel.Fastest).Open();
                entry.Write(new byte[bytesEach]);
            }
        return buffer.ToArray();
    }

    /// <summary>The same archive, but every header (local and central) declares each entry unpacks to 10 bytes.</summary>
    public static byte[] Lying(byte[] zip)
    {
        var bytes = (byte[])zip.Clone();
        for (var i = 0; i + 4 <= bytes.Length; i++)
        {
            var signature = BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(i));
            if (signature == 0x04034b50) BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(i + 22), 10);
            if (signature == 0x02014b50) BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(i + 24), 10);
        }
        return bytes;
    }

    private static Task<ArchiveInspector.Result> Inspect(byte[] file, int maxEntries = 100) =>
        ArchiveInspector.Inspect(new MemoryStream(file), maxEntries, Limit);

    [Fact]
    public async Task An_archive_that_declares_small_sizes_but_unpacks_to_more_than_the_limit_is_refused()
    {
        var honest = Zip(1, (int)Limit * 3);
        var lying = Lying(honest);

        var declared = new ZipArchive(new MemoryStream(lying)).Entries.Sum(e => e.Length);
        var refused = await Inspect(lying);

        Assert.Equal(10, declared);
        Assert.NotNull(refused.Refusal);
        Assert.Contains("unpack", refused.Refusal);
    }

    [Fact]
    public async Task Entries_are_counted_as_they_are_read_and_a_small_archive_passes_with_its_names()
    {
        var many = await Inspect(Zip(5, 10), maxEntries: 4);
        var fine = await Inspect(Zip(3, 1000));

        Assert.Contains("at most 4", many.Refusal);
        Assert.Null(fine.Refusal);
        Assert.Equal(["f0.bin", "f1.bin", "f2.bin"], fine.Names);
    }

    [Fact]
    public async Task A_truncated_or_garbled_archive_is_refused_as_damaged()
    {
        var zip = Zip(2, 1000);

        var truncated = await Inspect(zip[..(zip.Length / 2)]);
        var garbled = await Inspect([.. "PK\u0003\u0004"u8, .. new byte[200]]);

        Assert.Equal("The archive is damaged.", truncated.Refusal);
        Assert.Equal("The archive is damaged.", garbled.Refusal);
    }
}
