package org.shardprep;

public final class ShardprepApplication {
    public static void main(String[] args) {
        System.out.println("shardprep");
    }
}
