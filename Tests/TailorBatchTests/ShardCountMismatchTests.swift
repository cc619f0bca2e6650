import Testing
import TailorBatch

/// A Slurm array that runs fewer tasks than `--shard-count` says there are
/// shards would leave the shards past its last task unrendered, each task
/// reporting success: it is refused. More tasks than shards is allowed (the
/// tasks past the last shard stop with an out-of-range index).
@Suite struct ShardCountMismatchTests {
    @Test(arguments: [
        (["SLURM_ARRAY_TASK_ID": "1", "SLURM_ARRAY_TASK_MIN": "1", "SLURM_ARRAY_TASK_COUNT": "2"], 4,
         "--shard-count 4 splits the send into 4 shards, but the Slurm job array runs 2 tasks (SLURM_ARRAY_TASK_COUNT=2): "
            + "shards 2 to 3 would never be rendered; pass --shard-count 2, or leave it out to take the array's"),
        (["SLURM_ARRAY_TASK_ID": "0", "SLURM_ARRAY_TASK_COUNT": "1"], 2,
         "--shard-count 2 splits the send into 2 shards, but the Slurm job array runs 1 task (SLURM_ARRAY_TASK_COUNT=1): "
            + "shard 1 would never be rendered; pass --shard-count 1, or leave it out to take the array's"),
    ] as [([String: String], Int, String)])
    func fewerTasksThanShardsIsRefused(environment: [String: String], count: Int, message: String) {
        #expect {
            _ = try Shard.fromEnvironment(environment, count: count)
        } throws: { error in
            (error as? ShardError)?.description == message
        }
    }

    @Test(arguments: [
        (["SLURM_ARRAY_TASK_ID": "2", "SLURM_ARRAY_TASK_COUNT": "4"], 4, 2),
        (["SLURM_ARRAY_TASK_ID": "1", "SLURM_ARRAY_TASK_COUNT": "8"], 4, 1),
        (["SLURM_ARRAY_TASK_ID": "3"], 4, 3),
    ] as [([String: String], Int, Int)])
    func asManyOrMoreTasksIsFine(environment: [String: String], count: Int, index: Int) throws {
        #expect(try Shard.fromEnvironment(environment, count: count) == (try Shard(index: index, count: count)))
    }
}
