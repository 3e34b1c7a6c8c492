package dev.trackingapi.benchmark.crac;

import java.util.ArrayList;
import java.util.List;

/** Checkpoint in reverse registration order, restore in registration order, as CRaC's global context does. */
public final class Core {
    private static final List<Resource> RESOURCES = new ArrayList<>();
    private static final Context<Resource> GLOBAL = new Context<>() {
        @Override
        public synchronized void register(Resource resource) {
            RESOURCES.add(resource);
        }

        @Override
        public void beforeCheckpoint(Context<? extends Resource> context) throws Exception {
            for (int i = RESOURCES.size() - 1; i >= 0; i--) {
                RESOURCES.get(i).beforeCheckpoint(this);
            }
        }

        @Override
        public void afterRestore(Context<? extends Resource> context) throws Exception {
            for (Resource resource : RESOURCES) {
                resource.afterRestore(this);
            }
        }
    };

    private Core() {
    }

    public static Context<Resource> getGlobalContext() {
        return GLOBAL;
    }

    public static void checkpointRestore() throws CheckpointException, RestoreException {
        try {
            GLOBAL.beforeCheckpoint(null);
        } catch (Exception e) {
            throw new CheckpointException(e);
        }
        try {
            GLOBAL.afterRestore(null);
        } catch (Exception e) {
            throw new RestoreException(e);
        }
    }
}
