import Foundation
import Testing
import TailorBatch

/// Parsing shards, the scheduler variables, and the stable hash.
@Suite struct ShardTests {
    @Test(arguments: [("0/1", 0, 1), ("0/4", 0, 4), ("3/4", 3, 4), ("7/8", 7, 8)])
    func parsesAShard(text: String, index: Int, count: Int) throws {
        let shard = try Shard(parsing: text)
        #expect(shard.index == index && shard.count == count)
        #expect(shard.description == text)
    }

    @Test(arguments: [
        ("4/4", "out of range"), ("-1/4", "out of range"), ("1/0", "at least 1"), ("1", "not a shard"),
        ("a/b", "not a shard"), ("1/2/3", "not a shard"), ("", "not a shard"), ("1/", "not a shard"),
    ])
    func refusesABadShard(text: String, message: String) {
        #expect {
            _ = try Shard(parsing: text)
        } throws: { error in
            (error as? ShardError)?.description.contains(message) == true
        }
    }

    @Test(arguments: [
        (["JOB_COMPLETION_INDEX": "2"], 4, 2),
        (["AWS_BATCH_JOB_ARRAY_INDEX": "0"], 3, 0),
        (["SLURM_ARRAY_TASK_ID": "5"], 8, 5),
        (["JOB_COMPLETION_INDEX": "1", "SLURM_ARRAY_TASK_ID": "7"], 8, 1),
        (["JOB_COMPLETION_INDEX": "", "SLURM_ARRAY_TASK_ID": "3"], 8, 3),
        // Slurm: `--array=1-8` numbers its tasks from 1 and says how many.
        (["SLURM_ARRAY_TASK_ID": "1", "SLURM_ARRAY_TASK_MIN": "1", "SLURM_ARRAY_TASK_COUNT": "8"], nil, 0),
        (["SLURM_ARRAY_TASK_ID": "8", "SLURM_ARRAY_TASK_MIN": "1", "SLURM_ARRAY_TASK_COUNT": "8"], nil, 7),
        (["SLURM_ARRAY_TASK_ID": "4", "SLURM_ARRAY_TASK_MIN": "1", "SLURM_ARRAY_TASK_COUNT": "8"], 4, 3),
    ] as [([String: String], Int?, Int)])
    func readsTheSchedulerIndex(environment: [String: String], count: Int?, index: Int) throws {
        let shard = try #require(try Shard.fromEnvironment(environment, count: count))
        let expected = count ?? Int(environment["SLURM_ARRAY_TASK_COUNT"]!)!
        #expect(shard == (try Shard(index: index, count: expected)))
    }

    @Test func noSchedulerVariableMeansNoShard() throws {
        #expect(try Shard.fromEnvironment(["HOME": "/root"], count: 4) == nil)
    }

    @Test(arguments: [
        (["JOB_COMPLETION_INDEX": "4"], 4, "out of range"),
        (["AWS_BATCH_JOB_ARRAY_INDEX": "x"], 4, "not a shard index"),
        (["SLURM_ARRAY_TASK_ID": "-2"], 4, "out of range"),
        // An index with no count would have every one of the N processes send to everyone.
        (["JOB_COMPLETION_INDEX": "2"], nil, "pass --shard-count N"),
        (["AWS_BATCH_JOB_ARRAY_INDEX": "0"], nil, "pass --shard-count N"),
        (["SLURM_ARRAY_TASK_ID": "0", "SLURM_ARRAY_TASK_COUNT": "many"], nil, "SLURM_ARRAY_TASK_COUNT='many'"),
        (["SLURM_ARRAY_TASK_ID": "9", "SLURM_ARRAY_TASK_MIN": "1", "SLURM_ARRAY_TASK_COUNT": "8"], nil, "out of range"),
    ] as [([String: String], Int?, String)])
    func refusesABadSchedulerIndex(environment: [String: String], count: Int?, message: String) {
        #expect {
            _ = try Shard.fromEnvironment(environment, count: count)
        } throws: { error in
            (error as? ShardError)?.description.contains(message) == true
        }
    }

    /// Pinned values (computed independently, in Python): the split must
    /// never change between versions, or a send resumed after an upgrade
    /// would render some recipients twice.
    @Test(arguments: [
        ("", 0xf52a_15e9_a9b5_e89b as UInt64, 0), ("R0000001", 0x60fb_e568_6e35_44e0, 0),
        ("a", 0x02c0_bdbf_4814_20f8, 0), ("Zoë", 0xfb90_1a3b_6766_3e5e, 2),
    ])
    func theHashIsStable(id: String, expected: UInt64, shardOf4: Int) {
        #expect(StableHash.of(id) == expected)
        // Rows without an id belong to shard 0 whatever their hash.
        #expect(Shard.index(of: id, count: 4) == shardOf4)
    }

    @Test func shardsAreEvenAndDisjoint() {
        var sizes = [Int](repeating: 0, count: 4)
        for i in 0..<10_000 {
            let id = "R\(i)"
            let owners = (0..<4).filter { (try! Shard(index: $0, count: 4)).contains(id) }
            #expect(owners.count == 1)
            sizes[owners[0]] += 1
        }
        #expect(sizes.allSatisfy { $0 > 2_300 && $0 < 2_700 }, "\(sizes)")
    }

    @Test func digestsIgnoreOrderAndAddUp() {
        var whole = RecipientDigest()
        var parts = [RecipientDigest(), RecipientDigest()]
        for (i, id) in ["a", "b", "c", "b", ""].enumerated() {
            whole.add(id)
            parts[i % 2].add(id)
        }
        var reversed = RecipientDigest()
        for id in ["", "b", "c", "b", "a"] { reversed.add(id) }
        #expect(whole == reversed)
        #expect(parts[0].combined(with: parts[1]) == whole)
        var swapped = RecipientDigest()
        for id in ["a", "b", "c", "c", ""] { swapped.add(id) }
        #expect(swapped != whole, "one id repeated instead of another")
    }
}
