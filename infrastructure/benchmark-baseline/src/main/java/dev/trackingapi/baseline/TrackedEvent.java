package dev.trackingapi.baseline;

import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbPartitionKey;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSortKey;

import java.util.List;

/** The event as a typical sample models it: a bean the Enhanced Client maps by reflection. */
@DynamoDbBean
public class TrackedEvent {
    private String pk;
    private String sk;
    private String customerId;
    private String name;
    private Long time;
    private List<TrackedAttribute> attributes;

    @DynamoDbPartitionKey
    public String getPk() {
        return pk;
    }

    public void setPk(String pk) {
        this.pk = pk;
    }

    @DynamoDbSortKey
    public String getSk() {
        return sk;
    }

    public void setSk(String sk) {
        this.sk = sk;
    }

    public String getCustomerId() {
        return customerId;
    }

    public void setCustomerId(String customerId) {
        this.customerId = customerId;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public Long getTime() {
        return time;
    }

    public void setTime(Long time) {
        this.time = time;
    }

    public List<TrackedAttribute> getAttributes() {
        return attributes;
    }

    public void setAttributes(List<TrackedAttribute> attributes) {
        this.attributes = attributes;
    }
}
